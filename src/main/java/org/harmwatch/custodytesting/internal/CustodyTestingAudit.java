package org.harmwatch.custodytesting.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the custody testing module records in the audit log; the constant's name is what
 * the log stores.
 */
public enum CustodyTestingAudit implements AuditAction {

	CUSTODY_ARREST_RECORDED, CUSTODY_TEST_RECORDED, CUSTODY_RECORD_REFUSED, CUSTODY_ARREST_VIEWED,
	CUSTODY_ARREST_REFUSED, CUSTODY_ARRESTS_LISTED, CUSTODY_ASSESSMENT_UPDATED, CUSTODY_REFERRAL_MADE,
	CUSTODY_REFERRALS_LISTED, CUSTODY_REFERRAL_VIEWED, CUSTODY_REFERRAL_REFUSED, CUSTODY_TREATMENT_ANSWERED,
	CUSTODY_FUNNEL_READ, CUSTODY_EXPORTED

}
