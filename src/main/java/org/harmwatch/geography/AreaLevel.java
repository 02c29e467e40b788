package org.harmwatch.geography;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A level of the ONS statistical and administrative geography, largest first.
 */
public enum AreaLevel {

	/**
	 * Local authority district (county borough, metropolitan borough, unitary authority).
	 */
	LAD("lad"),

	/** Electoral ward. Wards need not nest in MSOAs or LSOAs. */
	WARD("ward"),

	/**
	 * Middle layer super output area (about 7,500 people); MSOAs nest in local
	 * authorities.
	 */
	MSOA("msoa"),

	/** Lower layer super output area (about 1,500 people); LSOAs nest in MSOAs. */
	LSOA("lsoa");

	private final String urlName;

	AreaLevel(String urlName) {
		this.urlName = urlName;
	}

	/**
	 * The name used in URLs and files: {@code lad}, {@code ward}, {@code msoa},
	 * {@code lsoa}.
	 */
	public String urlName() {
		return urlName;
	}

	/** The level with the given URL name, ignoring case. */
	public static Optional<AreaLevel> fromUrlName(String name) {
		var wanted = name.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(level -> level.urlName.equals(wanted)).findFirst();
	}

}
