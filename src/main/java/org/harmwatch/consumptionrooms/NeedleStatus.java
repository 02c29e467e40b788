package org.harmwatch.consumptionrooms;

/** Where a needle report stands. */
public enum NeedleStatus {

	/** Not yet answered by a sweep. */
	OPEN,
	/** Swept: needles were found and collected. */
	COLLECTED,
	/** Swept: nothing was found at the place. */
	NOT_FOUND;

	/** The status as Open311 GeoReport v2 names it: {@code open} or {@code closed}. */
	public String open311() {
		return this == OPEN ? "open" : "closed";
	}

}
