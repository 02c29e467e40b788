package org.harmwatch.custodytesting;

/** Where a required assessment stands. */
public enum AssessmentStatus {

	/** Required; no appointment yet. */
	REQUIRED,

	/** An appointment is booked. */
	BOOKED,

	/** The person attended. */
	ATTENDED,

	/** The person did not attend; what followed is recorded. */
	MISSED

}
