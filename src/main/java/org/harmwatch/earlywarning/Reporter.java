package org.harmwatch.earlywarning;

import java.util.UUID;

/**
 * The member of staff or partner system that made a report.
 *
 * @param id the staff member's or API client's id
 * @param name their display name
 * @param agencyCode the agency they act for
 * @param agencyName its name
 */
public record Reporter(UUID id, String name, String agencyCode, String agencyName) {

}
