package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A supervised visit as recorded by the room's staff.
 *
 * @param siteId the site
 * @param clientCode the site's pseudonymous code for the client
 * @param timeIn when the client came in
 * @param timeOut when they left, if they have
 * @param substances the substances used, as words; resolved through the vocabulary
 * @param route how they were used
 * @param booth the booth, if the site numbers them
 * @param otherwise where the client says they would otherwise have used
 * @param housing the client's housing as they describe it
 * @param supervisionNotes what staff noted
 * @param drugCheckingOffered whether drug checking was offered
 */
public record VisitDraft(UUID siteId, String clientCode, Instant timeIn, @Nullable Instant timeOut,
		List<String> substances, ConsumptionRoute route, @Nullable String booth, OtherwisePlace otherwise,
		HousingStatus housing, @Nullable String supervisionNotes, boolean drugCheckingOffered) {

	public VisitDraft {
		substances = List.copyOf(substances);
	}

}
