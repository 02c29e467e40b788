package org.harmwatch.hatclinic.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the heroin-assisted treatment module records in the audit log; the constant's name
 * is what the log stores.
 */
public enum HatAudit implements AuditAction {

	HAT_REFERRAL_RECORDED, HAT_REFERRAL_ASSESSED, HAT_REFERRAL_VIEWED, HAT_REFERRALS_LISTED, HAT_ENROLLED,
	HAT_PATIENT_VIEWED, HAT_PATIENTS_LISTED, HAT_PRESCRIBED, HAT_PRESCRIBING_REFUSED, HAT_DOSE_RECORDED,
	HAT_SESSION_VIEWED, HAT_REVIEW_RAISED, HAT_REVIEW_CLOSED, HAT_OUTCOME_RECORDED, HAT_LICENCE_RECORDED,
	HAT_LICENCES_LISTED, HAT_UNIT_COST_CHANGED, HAT_TREATMENT_ENDED, HAT_REFUSED

}
