package org.harmwatch.agency;

/**
 * What other modules need to know about an agency.
 */
public record AgencySummary(String code, String name, AgencyType type, boolean active) {

}
