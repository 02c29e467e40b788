package org.harmwatch.analytics.hotspot;

/**
 * How an area reads on a hotspot map at a chosen significance level.
 */
public enum HotspotClass {

	/** Significantly high values cluster around the area (z above zero). */
	HOT,

	/** Significantly low values cluster around the area (z below zero). */
	COLD,

	/**
	 * Nothing significant, including areas where the statistic is undefined (no variation
	 * in the values, or an area whose neighbourhood is every area).
	 */
	NOT_SIGNIFICANT

}
