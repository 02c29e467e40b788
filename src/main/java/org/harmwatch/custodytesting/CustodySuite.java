package org.harmwatch.custodytesting;

/**
 * A custody suite where people are tested on arrest.
 *
 * @param code the reference code
 * @param name its name
 * @param districtCode the local authority district (LAD code) it is in
 */
public record CustodySuite(String code, String name, String districtCode) {

}
