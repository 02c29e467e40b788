package org.harmwatch.consumptionrooms;

/** What came of a referral. */
public enum ReferralOutcome {

	PENDING, ATTENDED, DID_NOT_ATTEND, DECLINED

}
