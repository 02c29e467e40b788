package org.harmwatch.naloxone;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place or service that holds naloxone kits.
 *
 * @param id its id
 * @param ownerAgency the agency that keeps its ledger
 * @param kind what kind of holder it is
 * @param name its name
 * @param agencyCode the agency it is or belongs to (a police force, an ambulance
 * service), if any: reissue tasks find it by this code
 * @param ladCode the district it is in (ONS code), if known
 * @param address its street address, for the public finder
 * @param postcode its postcode
 * @param openingHours when it is open, as people should read it
 * @param trains whether it trains people to give naloxone
 * @param publicListing whether the public finder lists it
 * @param latitude where it is (WGS84), if given
 * @param longitude where it is (WGS84), if given
 * @param lsoaCode the 2021 LSOA its point falls in, if it has one
 * @param sector which sector runs it
 */
public record Holder(UUID id, String ownerAgency, HolderKind kind, String name, @Nullable String agencyCode,
		@Nullable String ladCode, @Nullable String address, @Nullable String postcode, @Nullable String openingHours,
		boolean trains, boolean publicListing, @Nullable Double latitude, @Nullable Double longitude,
		@Nullable String lsoaCode, Sector sector) {

}
