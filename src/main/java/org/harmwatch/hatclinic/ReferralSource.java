package org.harmwatch.hatclinic;

/** Where a referral came from. */
public enum ReferralSource {

	TREATMENT_SERVICE, DIVERSION, CUSTODY_TESTING, PRIMARY_CARE, SELF, OTHER

}
