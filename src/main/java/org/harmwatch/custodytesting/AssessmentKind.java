package org.harmwatch.custodytesting;

/** Which required assessment. */
public enum AssessmentKind {

	/** The initial assessment required after a positive test. */
	INITIAL,

	/** The follow-up assessment the assessor required at the initial one. */
	FOLLOW_UP

}
