package org.harmwatch.custodytesting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A referral as the treatment team reads it: only what it needs to answer. A code of the
 * team's own for the person, the day, who referred and from which district; never an
 * offence, a test result or the custody record's code.
 */
public record TeamReferral(UUID id, String personCode, LocalDate referredOn, String referringAgencyName,
		String districtName, @Nullable Boolean treatmentStarted, @Nullable LocalDate treatmentStartedOn,
		@Nullable Instant answeredAt) {

	/** Whether the team has answered. */
	public boolean answered() {
		return treatmentStarted != null;
	}

}
