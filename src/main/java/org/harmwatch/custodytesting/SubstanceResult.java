package org.harmwatch.custodytesting;

/** A test's result for one substance. */
public enum SubstanceResult {

	/** The substance was found. */
	POSITIVE,

	/** It was not. */
	NEGATIVE

}
