package org.harmwatch.diversion;

/** How a condition is checked. */
public enum Verification {

	POLICE_NATIONAL_COMPUTER, TREATMENT_ATTENDANCE_LINK, COURSE_CERTIFICATE, FACILITATOR_RECORD, SUPERVISOR_SIGN_OFF,
	SESSION_RECORD

}
