package org.harmwatch.naloxone;

import org.jspecify.annotations.Nullable;

/**
 * A holder to add, as entered; the management checks it.
 *
 * @param kind what kind of holder it is
 * @param name its name, unique within the recording agency
 * @param agencyCode the agency it is or belongs to, if any
 * @param ladCode the district it is in, if known
 * @param address its street address
 * @param postcode its postcode
 * @param openingHours when it is open
 * @param trains whether it trains people
 * @param publicListing whether the public finder lists it
 * @param latitude where it is (WGS84), if given with the longitude
 * @param longitude where it is (WGS84), if given with the latitude
 * @param sector which sector runs it, or {@code null} for the kind's usual one
 */
public record HolderDraft(HolderKind kind, String name, @Nullable String agencyCode, @Nullable String ladCode,
		@Nullable String address, @Nullable String postcode, @Nullable String openingHours, boolean trains,
		boolean publicListing, @Nullable Double latitude, @Nullable Double longitude, @Nullable Sector sector) {

	/** A holder without a location, in its kind's usual sector. */
	public HolderDraft(HolderKind kind, String name, @Nullable String agencyCode, @Nullable String ladCode,
			@Nullable String address, @Nullable String postcode, @Nullable String openingHours, boolean trains,
			boolean publicListing) {
		this(kind, name, agencyCode, ladCode, address, postcode, openingHours, trains, publicListing, null, null, null);
	}

}
