package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A referral to a treatment team as the police side reads it: to whom, when, and the
 * team's yes or no with its date; nothing else comes back.
 */
public record ReferralView(UUID id, String teamAgency, String teamName, LocalDate referredOn,
		@Nullable Boolean treatmentStarted, @Nullable LocalDate treatmentStartedOn) {

}
