package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A visit as the room's staff see it, with the overdoses managed and referrals made.
 *
 * @param id the visit's id
 * @param ownerAgency the site's agency
 * @param siteName the site
 * @param clientCode the site's code for the client
 * @param timeIn when the client came in
 * @param timeOut when they left
 * @param substances substances used, as resolved
 * @param route how they were used
 * @param booth the booth
 * @param otherwise where they would otherwise have used
 * @param housing their housing
 * @param supervisionNotes staff's notes
 * @param drugCheckingOffered whether drug checking was offered
 * @param overdoses overdoses managed
 * @param referrals referrals made
 */
public record Visit(UUID id, String ownerAgency, String siteName, String clientCode, Instant timeIn,
		@Nullable Instant timeOut, List<String> substances, ConsumptionRoute route, @Nullable String booth,
		OtherwisePlace otherwise, HousingStatus housing, @Nullable String supervisionNotes, boolean drugCheckingOffered,
		List<Overdose> overdoses, List<Referral> referrals) {

	/** An overdose managed in the room. */
	public record Overdose(UUID id, Instant occurredAt, boolean oxygen, int naloxoneDoses,
			@Nullable String naloxoneRoute, boolean ambulanceCalled, RoomOverdoseOutcome outcome) {
	}

	/** A referral and what came of it. */
	public record Referral(UUID id, ReferralKind kind, LocalDate madeOn, ReferralOutcome outcome,
			@Nullable LocalDate outcomeOn) {
	}

}
