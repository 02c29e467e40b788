package org.harmwatch.earlywarning.web;

import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelGrade;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.jspecify.annotations.Nullable;

/**
 * A panel member's grade as sent: the strength of evidence, the potential harm, the
 * outcome they recommend and why. A value that names nothing counts as not chosen, which
 * {@code PanelManagement} names field by field.
 */
record GradeForm(String strength, String harm, String recommendation, String rationale) {

	GradeForm(@Nullable String strength, @Nullable String harm, @Nullable String recommendation,
			@Nullable String rationale) {
		this.strength = strength == null ? "" : strength;
		this.harm = harm == null ? "" : harm;
		this.recommendation = recommendation == null ? "" : recommendation;
		this.rationale = rationale == null ? "" : rationale;
	}

	static GradeForm of(@Nullable PanelGrade grade) {
		return grade == null ? new GradeForm("", "", "", "") : new GradeForm(grade.strength().name(),
				grade.harm().name(), grade.recommendation().name(), grade.rationale());
	}

	@Nullable EvidenceStrength chosenStrength() {
		return SignalController.pick(EvidenceStrength.class, strength);
	}

	@Nullable PotentialHarm chosenHarm() {
		return SignalController.pick(PotentialHarm.class, harm);
	}

	@Nullable PanelOutcome chosenRecommendation() {
		return SignalController.pick(PanelOutcome.class, recommendation);
	}

}
