package org.harmwatch.agency;

import org.harmwatch.shared.AgencyType;

/**
 * What other modules need to know about an agency.
 */
public record AgencySummary(String code, String name, AgencyType type, boolean active) {

}
