package org.harmwatch.diversion;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A scheme's eligibility rules and contract limit: which offence groups it admits, the
 * highest gravity score (1 to 5, the national gravity matrix) and number of previous
 * convictions, the offences it excludes, whether there must be evidence to charge, how
 * old an offence may be, and the longest contract in months (at most four).
 */
public record SchemeRules(Set<OffenceGroup> offenceGroups, int maxGravity, int maxPreviousConvictions,
		Set<Exclusion> exclusions, boolean needsEvidenceToCharge, @Nullable Integer maxOffenceAgeDays, int maxMonths) {

	public SchemeRules {
		offenceGroups = offenceGroups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(offenceGroups));
		exclusions = Set.copyOf(exclusions);
	}

	/**
	 * Checkpoint-like defaults: adults whose offence is under three months old, admitted
	 * or with evidence to charge, low and middle gravity, every exclusion (anchor D1).
	 */
	public static SchemeRules checkpointLike() {
		return new SchemeRules(
				EnumSet.of(OffenceGroup.DRUG_POSSESSION, OffenceGroup.ACQUISITIVE, OffenceGroup.PUBLIC_ORDER,
						OffenceGroup.CRIMINAL_DAMAGE, OffenceGroup.VIOLENCE),
				3, 2, EnumSet.allOf(Exclusion.class), true, 90, 4);
	}

	/**
	 * Turning Point-like defaults: no previous conviction at court, a case the police
	 * would otherwise charge, every exclusion (programme text 1D).
	 */
	public static SchemeRules turningPointLike() {
		return new SchemeRules(
				EnumSet.of(OffenceGroup.DRUG_POSSESSION, OffenceGroup.ACQUISITIVE, OffenceGroup.PUBLIC_ORDER,
						OffenceGroup.CRIMINAL_DAMAGE, OffenceGroup.VIOLENCE),
				3, 0, EnumSet.allOf(Exclusion.class), true, null, 4);
	}

}
