package org.harmwatch.custodytesting;

/** What followed a missed assessment. */
public enum MissedConsequence {

	/** A new appointment was made. */
	REARRANGED,

	/** A warning was given. */
	WARNING,

	/** Charged with failing to attend (Drugs Act 2005 s.12). */
	CHARGED_FAILURE_TO_ATTEND,

	/** No further action. */
	NO_FURTHER_ACTION

}
