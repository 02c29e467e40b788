package org.harmwatch.diversion.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.SchemeDraft;
import org.harmwatch.diversion.SchemeRules;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/** The scheme form: its name, district, rules, whether it is a trial, and its costs. */
record SchemeForm(@NotBlank(message = "{diversion.scheme.name.required}") @Nullable String name,
		@NotBlank(message = "{diversion.scheme.district.required}") @Nullable String districtCode,
		@Nullable List<String> offenceGroups, @Nullable String maxGravity, @Nullable String maxPreviousConvictions,
		@Nullable List<String> exclusions, @Nullable String needsEvidenceToCharge, @Nullable String maxOffenceAgeDays,
		@Nullable String maxMonths, @Nullable String trial, @Nullable String seed, @Nullable String blockSize,
		@Nullable String contractCostPounds, @Nullable String courtCaseCostPounds) {

	/** The form filled with Checkpoint-like rules. */
	static SchemeForm checkpointLike() {
		var rules = SchemeRules.checkpointLike();
		return new SchemeForm(null, null, rules.offenceGroups().stream().map(Enum::name).sorted().toList(),
				Integer.toString(rules.maxGravity()), Integer.toString(rules.maxPreviousConvictions()),
				rules.exclusions().stream().map(Enum::name).sorted().toList(), "true", "90", "4", "true", null, "4",
				"350", "1350");
	}

	SchemeDraft draft() {
		var problems = new ArrayList<FieldProblem>();
		var groups = Fields.choices(OffenceGroup.class, offenceGroups, "offenceGroups", problems);
		var excluded = Fields.choices(Exclusion.class, exclusions, "exclusions", problems);
		var gravity = Fields.number(maxGravity, 1, 5, "maxGravity", "diversion.number.range", problems);
		var previous = Fields.number(maxPreviousConvictions, 0, 50, "maxPreviousConvictions", "diversion.number.range",
				problems);
		var evidence = Fields.yesNo(needsEvidenceToCharge, "needsEvidenceToCharge", problems);
		Integer age = Fields.text(maxOffenceAgeDays) == null ? null
				: Fields.number(maxOffenceAgeDays, 1, 3650, "maxOffenceAgeDays", "diversion.number.range", problems);
		var months = Fields.number(maxMonths, 1, 4, "maxMonths", "diversion.number.range", problems);
		var isTrial = Fields.yesNo(trial, "trial", problems);
		var seedValue = Fields.longNumber(seed, "seed", problems);
		Integer block = Boolean.TRUE.equals(isTrial)
				? Fields.number(blockSize, 2, 8, "blockSize", "diversion.scheme.blockSize.range", problems) : null;
		var contractCost = Fields.number(contractCostPounds, 0, 1_000_000, "contractCostPounds",
				"diversion.number.range", problems);
		var courtCost = Fields.number(courtCaseCostPounds, 0, 1_000_000, "courtCaseCostPounds",
				"diversion.number.range", problems);
		if (groups.isEmpty()) {
			problems.add(FieldProblem.of("offenceGroups", "diversion.scheme.offenceGroups.required"));
		}
		if (Fields.text(name) == null) {
			problems.add(FieldProblem.of("name", "diversion.scheme.name.required"));
		}
		if (!problems.isEmpty() || gravity == null || previous == null || evidence == null || months == null
				|| isTrial == null || contractCost == null || courtCost == null) {
			throw new InputRejectedException(problems);
		}
		var rules = new SchemeRules(groups.isEmpty() ? EnumSet.noneOf(OffenceGroup.class) : EnumSet.copyOf(groups),
				gravity, previous, excluded.isEmpty() ? EnumSet.noneOf(Exclusion.class) : EnumSet.copyOf(excluded),
				evidence, age, months);
		return new SchemeDraft(Fields.text(name), Fields.text(districtCode) == null ? "" : Fields.text(districtCode),
				rules, isTrial, seedValue, block, contractCost, courtCost);
	}

}
