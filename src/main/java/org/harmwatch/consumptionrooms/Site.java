package org.harmwatch.consumptionrooms;

import java.util.UUID;

/**
 * A consumption room's site.
 *
 * @param id the site's id
 * @param ownerAgency the agency that runs it
 * @param name its name
 * @param ladCode the district it is in
 * @param lat latitude
 * @param lon longitude
 * @param booths how many booths it has
 */
public record Site(UUID id, String ownerAgency, String name, String ladCode, double lat, double lon, int booths) {

}
