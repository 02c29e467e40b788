package org.harmwatch.diversion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A referral with its eligibility decision and, once made, its allocation. */
public record Referral(UUID id, UUID schemeId, String schemeName, String ownerAgency, String custodyReference,
		OffenceGroup offenceGroup, LocalDate offenceOn, LocalDate referredOn, int gravity, int previousConvictions,
		Set<Exclusion> flags, boolean evidenceToCharge, @Nullable AgeBand ageBand, @Nullable Sex sex,
		@Nullable Ethnicity ethnicity, EligibilityDecision decision, @Nullable Allocation allocation, String recordedBy,
		Instant recordedAt) {
}
