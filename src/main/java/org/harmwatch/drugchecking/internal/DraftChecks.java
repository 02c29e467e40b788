package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What is wrong with a session, sample, result or consultation draft, field by field. */
@Component
public class DraftChecks {

	/** The most components a result may name. */
	public static final int MAX_COMPONENTS = 20;

	private final GeographyManagement geography;

	private final SessionViewRepository sessions;

	DraftChecks(GeographyManagement geography, SessionViewRepository sessions) {
		this.geography = geography;
		this.sessions = sessions;
	}

	/** What is wrong with a session draft; empty when it can be created. */
	public List<FieldProblem> check(SessionDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		if (blank(draft.siteName())) {
			problems.add(FieldProblem.of("siteName", "drugchecking.error.siteName.required"));
		}
		else if (draft.siteName().strip().length() > 200) {
			problems.add(FieldProblem.of("siteName", "drugchecking.error.siteName.size"));
		}
		else if (sessions.siteNamed(draft.siteName()).isEmpty() && draft.siteKind() == null) {
			problems.add(FieldProblem.of("siteKind", "drugchecking.error.siteKind.required"));
		}
		if (draft.siteLadCode() != null && !draft.siteLadCode().isBlank() && !district(draft.siteLadCode())) {
			problems.add(FieldProblem.of("siteLadCode", "drugchecking.error.district"));
		}
		if (blank(draft.name())) {
			problems.add(FieldProblem.of("name", "drugchecking.error.name.required"));
		}
		else if (draft.name().strip().length() > 200) {
			problems.add(FieldProblem.of("name", "drugchecking.error.name.size"));
		}
		if (draft.startsOn() == null) {
			problems.add(FieldProblem.of("startsOn", "drugchecking.error.startsOn.required"));
		}
		if (draft.endsOn() == null) {
			problems.add(FieldProblem.of("endsOn", "drugchecking.error.endsOn.required"));
		}
		else if (draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			problems.add(FieldProblem.of("endsOn", "drugchecking.error.endsOn.beforeStart"));
		}
		if (blank(draft.staff())) {
			problems.add(FieldProblem.of("staff", "drugchecking.error.staff.required"));
		}
		else if (draft.staff().strip().length() > 1000) {
			problems.add(FieldProblem.of("staff", "drugchecking.error.staff.size"));
		}
		return problems;
	}

	/**
	 * What is wrong with a sample draft for the session; empty when it can be taken in.
	 */
	public List<FieldProblem> check(SessionView session, SampleDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		if (draft.mode() == null) {
			problems.add(FieldProblem.of("mode", "drugchecking.error.mode.required"));
		}
		if (blank(draft.soldAs())) {
			problems.add(FieldProblem.of("soldAs", "drugchecking.error.soldAs.required"));
		}
		else if (draft.soldAs().strip().length() > 200) {
			problems.add(FieldProblem.of("soldAs", "drugchecking.error.soldAs.size"));
		}
		if (draft.form() == null) {
			problems.add(FieldProblem.of("form", "drugchecking.error.form.required"));
		}
		if (draft.form() == DosageForm.PILL) {
			var weight = draft.pillWeightMg();
			if (weight != null && (weight.signum() <= 0 || weight.compareTo(new BigDecimal("5000")) > 0)) {
				problems.add(FieldProblem.of("pillWeightMg", "drugchecking.error.pillWeightMg.range"));
			}
			atMost100(problems, "pillColour", draft.pillColour());
			atMost100(problems, "pillLogo", draft.pillLogo());
			atMost100(problems, "pillShape", draft.pillShape());
		}
		if (!blank(draft.obtainedLadCode()) && !district(draft.obtainedLadCode())) {
			problems.add(FieldProblem.of("obtainedLadCode", "drugchecking.error.district"));
		}
		if (draft.intendedDose() != null && draft.intendedDose().strip().length() > 200) {
			problems.add(FieldProblem.of("intendedDose", "drugchecking.error.intendedDose.size"));
		}
		if (draft.mode() == SampleMode.FRONT_OF_HOUSE && !Boolean.TRUE.equals(draft.consent())) {
			problems.add(FieldProblem.of("consent", "drugchecking.error.consent.required"));
		}
		if (session.has(LicenceCondition.ADULTS_ONLY) && draft.mode() == SampleMode.FRONT_OF_HOUSE
				&& draft.ageBand() == null) {
			problems.add(FieldProblem.of("ageBand", "drugchecking.error.ageBand.required"));
		}
		if (session.has(LicenceCondition.ADULTS_ONLY) && draft.ageBand() != null && !draft.ageBand().adult()) {
			problems.add(FieldProblem.of("ageBand", "drugchecking.error.ageBand.underAge"));
		}
		if (!session.has(LicenceCondition.ADULTS_ONLY) && draft.ageBand() != null) {
			problems.add(FieldProblem.of("ageBand", "drugchecking.error.ageBand.notRecorded"));
		}
		return problems;
	}

	private static void atMost100(List<FieldProblem> problems, String field, @Nullable String text) {
		if (text != null && text.strip().length() > 100) {
			problems.add(FieldProblem.of(field, "drugchecking.error.atMost", 100));
		}
	}

	/** What is wrong with a result draft; empty when it can be recorded. */
	public List<FieldProblem> check(ResultDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		var given = draft.components().stream().filter(c -> c != null && !blank(c.text())).toList();
		if (given.isEmpty()) {
			problems.add(FieldProblem.of("components[0].text", "drugchecking.error.components.none"));
		}
		if (given.size() > MAX_COMPONENTS) {
			problems.add(FieldProblem.of("components", "drugchecking.error.components.tooMany", MAX_COMPONENTS));
		}
		for (int i = 0; i < draft.components().size(); i++) {
			var c = draft.components().get(i);
			if (c == null || blank(c.text())) {
				continue;
			}
			var f = "components[" + i + "].";
			if (c.text().strip().length() > 200) {
				problems.add(FieldProblem.of(f + "text", "drugchecking.error.component.size"));
			}
			if (c.confidence() == null) {
				problems.add(FieldProblem.of(f + "confidence", "drugchecking.error.component.confidence", i + 1));
			}
			if (c.method() == null) {
				problems.add(FieldProblem.of(f + "method", "drugchecking.error.component.method", i + 1));
			}
			if (c.quantity() != null) {
				if (c.quantity().signum() <= 0) {
					problems.add(FieldProblem.of(f + "quantity", "drugchecking.error.quantity.positive"));
				}
				if (c.unit() == null) {
					problems.add(FieldProblem.of(f + "unit", "drugchecking.error.unit.required"));
				}
				else if (c.unit() == QuantityUnit.PERCENT_W_W && c.quantity().compareTo(new BigDecimal("100")) > 0) {
					problems.add(FieldProblem.of(f + "quantity", "drugchecking.error.quantity.percent"));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.basis() == null) {
					problems.add(FieldProblem.of(f + "basis", "drugchecking.error.basis.required"));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.quantity().compareTo(new BigDecimal("5000")) > 0) {
					problems.add(FieldProblem.of(f + "quantity", "drugchecking.error.quantity.milligrams"));
				}
			}
		}
		if (draft.notes() != null && draft.notes().strip().length() > 2000) {
			problems.add(FieldProblem.of("notes", "drugchecking.error.notes.size"));
		}
		return problems;
	}

	/**
	 * What is wrong with a consultation's advice and referral; empty when it can be
	 * recorded.
	 */
	public List<FieldProblem> checkConsultation(@Nullable String advice, @Nullable String referral) {
		var problems = new ArrayList<FieldProblem>();
		if (blank(advice)) {
			problems.add(FieldProblem.of("advice", "drugchecking.error.advice.required"));
		}
		else if (advice.strip().length() > 4000) {
			problems.add(FieldProblem.of("advice", "drugchecking.error.advice.size"));
		}
		if (referral != null && referral.strip().length() > 200) {
			problems.add(FieldProblem.of("referral", "drugchecking.error.referral.size"));
		}
		return problems;
	}

	/** Whether the code is one of the region's local authority districts. */
	public boolean district(String code) {
		return geography.areas(AreaLevel.LAD).stream().anyMatch(a -> a.code().equals(code.strip()));
	}

	@NullUnmarked
	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
