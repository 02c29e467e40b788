package org.harmwatch.custodytesting;

/** What came of a test on arrest. */
public enum TestOutcome {

	/** A sample was taken and read. */
	RESULT,

	/** The person refused without good cause, itself an offence; there is no result. */
	REFUSED,

	/** Eligible, but no sample was taken (only when the arrest is recorded). */
	NOT_TESTED

}
