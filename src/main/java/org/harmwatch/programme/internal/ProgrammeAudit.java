package org.harmwatch.programme.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the programme module records in the audit log; the constant's name is what the log
 * stores.
 */
public enum ProgrammeAudit implements AuditAction {

	FUNDING_STREAM_ADDED, FUNDING_AMOUNT_SET, FUNDED_SERVICE_ADDED, FUNDING_ALLOCATED, FUNDING_REFUSED,
	FUNDING_AUDIT_VIEWED

}
