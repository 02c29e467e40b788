package org.harmwatch.diversion.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.RuleOutcome;
import org.harmwatch.diversion.SchemeRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eligibility: every rule of the scheme is shown with its values, and one failure is
 * enough.
 */
class EligibilityRulesTests {

	static final LocalDate REFERRED = LocalDate.of(2026, 12, 1);

	static EligibilityRules.Facts facts(OffenceGroup group, int gravity, int previous, Set<Exclusion> flags,
			boolean evidence, int daysOld) {
		return new EligibilityRules.Facts(group, gravity, previous, flags, evidence, REFERRED.minusDays(daysOld),
				REFERRED);
	}

	@Test
	void aFirstPossessionOffenceIsEligibleUnderCheckpointLikeRulesWithEveryRuleShown() {
		var decision = EligibilityRules.decide(SchemeRules.checkpointLike(),
				facts(OffenceGroup.DRUG_POSSESSION, 2, 0, Set.of(), true, 10));
		assertThat(decision.eligible()).isTrue();
		assertThat(decision.rules()).extracting(RuleOutcome::rule)
			.containsExactly("offenceGroup", "gravity", "previousConvictions", "exclusion.DOMESTIC_ABUSE",
					"exclusion.SEXUAL", "exclusion.HATE", "exclusion.NEEDS_COURT_POWERS", "evidenceToCharge",
					"offenceAge");
		assertThat(decision.rules()).allMatch(RuleOutcome::passed);
		assertThat(decision.rules().get(1).arguments()).containsExactly("2", "3");
		assertThat(decision.rules().get(8).arguments()).containsExactly("10", "90");
	}

	@Test
	void eachRuleAloneMakesItIneligibleAndSaysWhich() {
		var rules = SchemeRules.checkpointLike();
		assertFailsOnly(rules, facts(OffenceGroup.OTHER, 2, 0, Set.of(), true, 1), "offenceGroup");
		assertFailsOnly(rules, facts(OffenceGroup.ACQUISITIVE, 4, 0, Set.of(), true, 1), "gravity");
		assertFailsOnly(rules, facts(OffenceGroup.ACQUISITIVE, 2, 3, Set.of(), true, 1), "previousConvictions");
		assertFailsOnly(rules, facts(OffenceGroup.VIOLENCE, 2, 0, Set.of(Exclusion.DOMESTIC_ABUSE), true, 1),
				"exclusion.DOMESTIC_ABUSE");
		assertFailsOnly(rules, facts(OffenceGroup.VIOLENCE, 2, 0, Set.of(Exclusion.HATE), true, 1), "exclusion.HATE");
		assertFailsOnly(rules, facts(OffenceGroup.VIOLENCE, 2, 0, Set.of(Exclusion.SEXUAL), true, 1),
				"exclusion.SEXUAL");
		assertFailsOnly(rules, facts(OffenceGroup.PUBLIC_ORDER, 2, 0, Set.of(Exclusion.NEEDS_COURT_POWERS), true, 1),
				"exclusion.NEEDS_COURT_POWERS");
		assertFailsOnly(rules, facts(OffenceGroup.ACQUISITIVE, 2, 0, Set.of(), false, 1), "evidenceToCharge");
		assertFailsOnly(rules, facts(OffenceGroup.ACQUISITIVE, 2, 0, Set.of(), true, 91), "offenceAge");
	}

	@Test
	void rulesArePerScheme() {
		// Turning Point-like: no previous conviction, no age limit.
		var turningPoint = SchemeRules.turningPointLike();
		assertFailsOnly(turningPoint, facts(OffenceGroup.ACQUISITIVE, 2, 1, Set.of(), true, 400),
				"previousConvictions");
		// A scheme that does not exclude hate offences has no such rule.
		var open = new SchemeRules(EnumSet.of(OffenceGroup.VIOLENCE), 5, 10, EnumSet.noneOf(Exclusion.class), false,
				null, 4);
		var decision = EligibilityRules.decide(open,
				facts(OffenceGroup.VIOLENCE, 5, 10, Set.of(Exclusion.HATE), false, 1000));
		assertThat(decision.eligible()).isTrue();
		assertThat(decision.rules()).extracting(RuleOutcome::rule)
			.containsExactly("offenceGroup", "gravity", "previousConvictions");
	}

	@Test
	void aStoredDecisionReadsBackTheSame() {
		var decision = EligibilityRules.decide(SchemeRules.checkpointLike(),
				facts(OffenceGroup.ACQUISITIVE, 4, 5, Set.of(Exclusion.HATE), false, 200));
		for (var rule : decision.rules()) {
			assertThat(EligibilityRules.read(EligibilityRules.store(rule))).isEqualTo(rule);
		}
	}

	static void assertFailsOnly(SchemeRules rules, EligibilityRules.Facts facts, String rule) {
		var decision = EligibilityRules.decide(rules, facts);
		assertThat(decision.eligible()).as(rule).isFalse();
		assertThat(decision.rules()).filteredOn(r -> !r.passed()).extracting(RuleOutcome::rule).containsExactly(rule);
	}

}
