package org.harmwatch.analytics.hotspot;

/**
 * Which p-value decides whether an area is a hotspot.
 */
public enum Significance {

	/**
	 * The two-sided normal-approximation p-value of the z-score, as spdep and ArcGIS
	 * report it; no correction.
	 */
	NORMAL,

	/**
	 * The normal p-values adjusted by Benjamini-Hochberg (q-values): the false discovery
	 * rate is controlled.
	 */
	NORMAL_FDR,

	/** The two-sided permutation pseudo p-value; needs permutations. */
	PERMUTATION,

	/**
	 * The permutation pseudo p-values adjusted by Benjamini-Hochberg; needs permutations.
	 */
	PERMUTATION_FDR

}
