package org.harmwatch.diversion.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.harmwatch.diversion.EligibilityDecision;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.RuleOutcome;
import org.harmwatch.diversion.SchemeRules;

/**
 * Decides eligibility from a scheme's rules, explaining every rule: a plain function, so
 * that the same facts and rules always give the same decision.
 */
public final class EligibilityRules {

	private EligibilityRules() {
	}

	/** The facts about an offence and a person that the rules read. */
	public record Facts(OffenceGroup offenceGroup, int gravity, int previousConvictions, Set<Exclusion> flags,
			boolean evidenceToCharge, LocalDate offenceOn, LocalDate referredOn) {
	}

	/** The decision: eligible only when every rule the scheme has passes. */
	public static EligibilityDecision decide(SchemeRules rules, Facts facts) {
		var outcomes = new ArrayList<RuleOutcome>();
		outcomes.add(new RuleOutcome("offenceGroup", rules.offenceGroups().contains(facts.offenceGroup()),
				List.of(facts.offenceGroup().name())));
		outcomes.add(new RuleOutcome("gravity", facts.gravity() <= rules.maxGravity(),
				List.of(Integer.toString(facts.gravity()), Integer.toString(rules.maxGravity()))));
		outcomes
			.add(new RuleOutcome("previousConvictions", facts.previousConvictions() <= rules.maxPreviousConvictions(),
					List.of(Integer.toString(facts.previousConvictions()),
							Integer.toString(rules.maxPreviousConvictions()))));
		for (var exclusion : Exclusion.values()) {
			if (rules.exclusions().contains(exclusion)) {
				outcomes.add(new RuleOutcome("exclusion." + exclusion.name(), !facts.flags().contains(exclusion),
						List.of()));
			}
		}
		if (rules.needsEvidenceToCharge()) {
			outcomes.add(new RuleOutcome("evidenceToCharge", facts.evidenceToCharge(), List.of()));
		}
		if (rules.maxOffenceAgeDays() != null) {
			long days = ChronoUnit.DAYS.between(facts.offenceOn(), facts.referredOn());
			outcomes.add(new RuleOutcome("offenceAge", days >= 0 && days <= rules.maxOffenceAgeDays(),
					List.of(Long.toString(days), Integer.toString(rules.maxOffenceAgeDays()))));
		}
		return new EligibilityDecision(outcomes.stream().allMatch(RuleOutcome::passed), outcomes);
	}

	/** A rule outcome as stored: {@code rule|PASS|arg|arg}. */
	public static String store(RuleOutcome outcome) {
		return outcome.rule() + "|" + (outcome.passed() ? "PASS" : "FAIL")
				+ (outcome.arguments().isEmpty() ? "" : "|" + String.join("|", outcome.arguments()));
	}

	/** A stored rule outcome read back. */
	public static RuleOutcome read(String stored) {
		var parts = stored.split("\\|", -1);
		return new RuleOutcome(parts[0], "PASS".equals(parts[1]), List.of(parts).subList(2, parts.length));
	}

}
