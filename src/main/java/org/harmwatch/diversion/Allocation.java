package org.harmwatch.diversion;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a referral was allocated: at random (stratum, position in the stratum's list, seed)
 * or by the custody decision-maker with a reason.
 */
public record Allocation(Arm arm, AllocationMethod method, @Nullable String reason, @Nullable OffenceGroup stratum,
		@Nullable Integer position, @Nullable Long seed, String by, Instant at) {
}
