package org.harmwatch.analytics.hotspot;

/**
 * The null model that permutation p-values of Gi* sample from.
 */
public enum Randomisation {

	/**
	 * Conditional randomisation (Anselin 1995; PySAL {@code esda}): the area keeps its
	 * own value, and its k neighbours get k values drawn without replacement from the
	 * other n - 1 areas. The default.
	 */
	CONDITIONAL,

	/**
	 * What {@code spdep::localG_perm} 1.2-7 does for Gi*: every position of the
	 * neighbourhood, the area's own included, gets a value drawn with replacement from
	 * the other n - 1 areas. Offered to compare with spdep; it also tests the area's own
	 * value, so it calls more areas with extreme own values significant than conditional
	 * randomisation.
	 */
	SPDEP_LOCALG_PERM

}
