package org.harmwatch.naloxone;

import org.jspecify.annotations.Nullable;

/**
 * A place that gives out naloxone kits, as the public finder shows it.
 *
 * @param name its name
 * @param kind what kind of place it is
 * @param address its street address
 * @param postcode its postcode
 * @param ladCode its district's ONS code
 * @param ladName its district's name
 * @param openingHours when it is open
 * @param trains whether it trains people to use a kit
 * @param latitude where it is (WGS84), if its agency gave a point
 * @param longitude where it is (WGS84), if its agency gave a point
 */
public record FinderEntry(String name, HolderKind kind, @Nullable String address, @Nullable String postcode,
		@Nullable String ladCode, @Nullable String ladName, @Nullable String openingHours, boolean trains,
		@Nullable Double latitude, @Nullable Double longitude) {

}
