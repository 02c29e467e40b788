package org.harmwatch.substances.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What the substance vocabulary records in the audit log.
 */
public enum SubstanceAudit implements AuditAction {

	SUBSTANCE_CREATED, SUBSTANCE_CHANGED, SUBSTANCES_EXPORTED, SUBSTANCES_IMPORT_REFUSED, SUBSTANCES_IMPORTED

}
