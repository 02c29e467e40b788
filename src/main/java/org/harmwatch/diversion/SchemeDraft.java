package org.harmwatch.diversion;

import org.jspecify.annotations.Nullable;

/**
 * A scheme to create; a trial without a seed gets a random one, recorded.
 */
public record SchemeDraft(String name, String districtCode, SchemeRules rules, boolean trial, @Nullable Long seed,
		@Nullable Integer blockSize, int contractCostPounds, int courtCaseCostPounds) {
}
