package org.harmwatch.custodytesting;

/** Why a person was tested on arrest. */
public enum TestBasis {

	/** Arrested for a trigger offence in effect that day. */
	TRIGGER_OFFENCE,

	/**
	 * An inspector authorised it, suspecting a Class A drug caused or contributed to the
	 * offence.
	 */
	INSPECTOR_DISCRETION

}
