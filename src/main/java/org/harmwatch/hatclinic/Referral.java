package org.harmwatch.hatclinic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A referral as clinic staff see it: who referred, consent, the assessment if made, and
 * the enrolment if any; for a referral that arrived by event from custody testing or
 * diversion, where it came from.
 */
public record Referral(UUID id, String clientCode, ReferralSource source, LocalDate consentOn, LocalDate referredOn,
		@Nullable Integer dependenceYears, @Nullable Integer failedOralEpisodes, @Nullable Integer age,
		@Nullable Boolean attendsTwiceDaily, @Nullable Decision decision, @Nullable String decisionReason,
		@Nullable Instant decidedAt, @Nullable String decidedBy, List<Criterion> criteriaNotMet,
		@Nullable UUID enrolmentId, @Nullable ReferralArrival arrival) {

	public Referral {
		criteriaNotMet = List.copyOf(criteriaNotMet);
	}

	/** Whether the referral arrived by event rather than typed in. */
	public boolean arrivedByEvent() {
		return arrival != null;
	}

}
