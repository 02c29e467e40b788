package org.harmwatch.platform.imports;

import org.harmwatch.platform.AuditAction;

/**
 * What the import facility records in the audit log.
 */
enum ImportAudit implements AuditAction {

	IMPORT_UPLOADED, IMPORT_JOB_VIEWED, IMPORT_PROBLEMS_VIEWED, IMPORT_JOB_STARTED, IMPORT_JOB_CONFIRMED,
	IMPORT_JOB_DISCARDED,
	/** A job found bad rows and stored nothing. */
	IMPORT_REFUSED

}
