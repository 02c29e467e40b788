package org.harmwatch.diversion;

/** The conditions a contract may set, each with how it is verified. */
public enum ConditionKind {

	NO_REOFFENDING(Verification.POLICE_NATIONAL_COMPUTER),
	DRUG_ASSESSMENT_AND_TREATMENT(Verification.TREATMENT_ATTENDANCE_LINK),
	DRUG_AWARENESS_COURSE(Verification.COURSE_CERTIFICATE), RESTORATIVE_JUSTICE(Verification.FACILITATOR_RECORD),
	COMMUNITY_WORK(Verification.SUPERVISOR_SIGN_OFF), NAVIGATOR_SESSIONS(Verification.SESSION_RECORD);

	private final Verification verification;

	ConditionKind(Verification verification) {
		this.verification = verification;
	}

	/** How this condition is verified. */
	public Verification verification() {
		return verification;
	}

}
