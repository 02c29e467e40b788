package org.harmwatch.diversion.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.ReferralDraft;
import org.harmwatch.diversion.Sex;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/** The referral form: the scheme, the custody reference, and the facts the rules read. */
record ReferralForm(@NotBlank(message = "{diversion.referral.scheme.required}") @Nullable String schemeId,
		@NotBlank(message = "{diversion.referral.reference.required}") @Nullable String custodyReference,
		@Nullable String offenceGroup, @Nullable String offenceOn, @Nullable String referredOn,
		@Nullable String gravity, @Nullable String previousConvictions, @Nullable List<String> flags,
		@Nullable String evidenceToCharge, @Nullable String ageBand, @Nullable String sex, @Nullable String ethnicity) {

	static ReferralForm empty(@Nullable String schemeId, String today) {
		return new ReferralForm(schemeId, null, null, null, today, null, null, List.of(), null, null, null, null);
	}

	ReferralDraft draft() {
		var problems = new ArrayList<FieldProblem>();
		UUID scheme = Fields.id(schemeId);
		if (scheme == null) {
			problems.add(FieldProblem.of("schemeId", "diversion.referral.scheme.required"));
		}
		var group = Fields.choice(OffenceGroup.class, offenceGroup, "offenceGroup", problems, true);
		var offence = Fields.date(offenceOn, "offenceOn", problems);
		var referred = Fields.date(referredOn, "referredOn", problems);
		var gravityScore = Fields.number(gravity, 1, 5, "gravity", "diversion.number.range", problems);
		var previous = Fields.number(previousConvictions, 0, 99, "previousConvictions", "diversion.number.range",
				problems);
		var flagged = Fields.choices(Exclusion.class, flags, "flags", problems);
		var evidence = Fields.yesNo(evidenceToCharge, "evidenceToCharge", problems);
		var band = Fields.choice(AgeBand.class, ageBand, "ageBand", problems, false);
		var sexOf = Fields.choice(Sex.class, sex, "sex", problems, false);
		var group5 = Fields.choice(Ethnicity.class, ethnicity, "ethnicity", problems, false);
		var reference = Fields.text(custodyReference);
		if (reference == null) {
			problems.add(FieldProblem.of("custodyReference", "diversion.referral.reference.required"));
		}
		if (!problems.isEmpty() || scheme == null || group == null || offence == null || referred == null
				|| gravityScore == null || previous == null || evidence == null || reference == null) {
			throw new InputRejectedException(problems);
		}
		return new ReferralDraft(scheme, reference, group, offence, referred, gravityScore, previous,
				flagged.isEmpty() ? EnumSet.noneOf(Exclusion.class) : EnumSet.copyOf(flagged), evidence, band, sexOf,
				group5);
	}

}
