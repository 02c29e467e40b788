package org.harmwatch.consumptionrooms.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What consumption rooms record in the audit log; the constant's name is what the log
 * stores.
 */
public enum ConsumptionRoomsAudit implements AuditAction {

	NEEDLE_REPORT_RECEIVED, NEEDLE_REPORTS_LISTED, NEEDLE_REPORT_VIEWED, NEEDLE_REPORT_REFUSED, NEEDLE_PHOTO_VIEWED,
	NEEDLE_SWEEP_RECORDED, NEEDLE_SWEEP_REFUSED, NEEDLE_COUNCIL_SET, NEEDLE_QUALITY_VIEWED, NEEDLE_QUALITY_REFUSED

}
