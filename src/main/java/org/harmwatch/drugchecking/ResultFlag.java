package org.harmwatch.drugchecking;

/** Raised automatically when a result is confirmed. */
public enum ResultFlag {

	/** The expected substance is absent or not the main component. */
	MIS_SOLD,

	/** A high-risk substance was found that was not what the sample was sold as. */
	UNEXPECTED_HIGH_RISK,

	/**
	 * More of a substance per unit than the configured threshold (e.g. MDMA above 150 mg
	 * per pill).
	 */
	HIGH_STRENGTH

}
