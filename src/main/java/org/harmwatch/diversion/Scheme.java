package org.harmwatch.diversion;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A diversion scheme run by a police agency in a district, with its rules; a trial
 * allocates from its seed in blocks of {@code blockSize}.
 */
public record Scheme(UUID id, String ownerAgency, String name, String districtCode, SchemeRules rules, boolean trial,
		@Nullable Long seed, @Nullable Integer blockSize, int contractCostPounds, int courtCaseCostPounds,
		Instant createdAt) {
}
