package org.harmwatch.platform.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the platform records in the audit log: sign-in and session events, refusals, and
 * the auditors' own work.
 */
public enum PlatformAudit implements AuditAction {

	ACCESS_DENIED, API_TOKEN_REJECTED, SIGN_IN_SLOWED, SESSION_ENDED, SESSION_REFRESHED, SIGNED_OUT, AUDIT_SEARCHED,
	AUDIT_CHAIN_VERIFIED

}
