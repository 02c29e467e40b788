package org.harmwatch.drugchecking;

/** How a component's quantity is given. */
public enum QuantityUnit {

	/**
	 * Milligrams per pill, capsule or blotter; the basis (salt or base) must be stated.
	 */
	MG_PER_UNIT,

	/** Percent by weight. */
	PERCENT_W_W

}
