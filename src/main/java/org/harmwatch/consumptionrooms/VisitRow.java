package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A visit in a list.
 *
 * @param id the visit's id
 * @param siteName the site
 * @param clientCode the site's code for the client
 * @param timeIn when the client came in
 * @param timeOut when they left
 * @param route how they used
 * @param overdoses overdoses managed during it
 */
public record VisitRow(UUID id, String siteName, String clientCode, Instant timeIn, @Nullable Instant timeOut,
		ConsumptionRoute route, long overdoses) {

}
