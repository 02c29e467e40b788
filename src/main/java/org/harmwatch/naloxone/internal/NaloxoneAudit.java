package org.harmwatch.naloxone.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What naloxone records in the audit log; the constant's name is what the log stores.
 */
public enum NaloxoneAudit implements AuditAction {

	NALOXONE_LEDGER_VIEWED, NALOXONE_SUPPLIES_VIEWED, NALOXONE_HOLDER_ADDED, NALOXONE_MOVEMENT_RECORDED,
	NALOXONE_MOVEMENT_REFUSED, NALOXONE_TASK_DONE, NALOXONE_TASK_REFUSED, NALOXONE_TRAINING_RECORDED,
	NALOXONE_ADMINISTRATION_RECORDED, NALOXONE_FIGURES_VIEWED, NALOXONE_REISSUE_TASK_CREATED

}
