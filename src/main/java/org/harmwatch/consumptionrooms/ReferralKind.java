package org.harmwatch.consumptionrooms;

/** Where a client was referred. */
public enum ReferralKind {

	TREATMENT, HOUSING, BBV_TESTING, PRIMARY_CARE

}
