package org.harmwatch.overdose.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the overdose module records in the audit log; the constant's name is what the log
 * stores.
 */
public enum OverdoseAudit implements AuditAction {

	OVERDOSE_RECORDED, OVERDOSE_RECORD_REFUSED, OVERDOSE_VIEWED, OVERDOSE_REFUSED, OVERDOSES_LISTED, OVERDOSE_MAP_READ,
	DEATHS_RECORDED, DEATHS_RECORD_REFUSED, DEATHS_READ, SURVEILLANCE_READ, SURVEILLANCE_RUN

}
