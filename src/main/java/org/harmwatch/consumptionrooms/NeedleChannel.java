package org.harmwatch.consumptionrooms;

/** How a needle report came in. */
public enum NeedleChannel {

	/** The public web form. */
	WEB,
	/** Open311 GeoReport v2 (FixMyStreet, a council's own system). */
	OPEN311

}
