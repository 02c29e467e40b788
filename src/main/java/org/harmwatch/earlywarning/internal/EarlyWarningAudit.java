package org.harmwatch.earlywarning.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What early warning writes to the audit log: reads of reports and evidence (personal
 * data), refusals, and each decision on a signal, grade, alert and sign-off.
 */
public enum EarlyWarningAudit implements AuditAction {

	REPORTS_LISTED, OWN_REPORTS_LISTED, REPORTER_VIEWED, REPORTER_WITHHELD, ATTACHMENT_VIEWED, ATTACHMENT_WITHHELD,
	SIGNAL_EVIDENCE_VIEWED, SIGNAL_VALIDATED, SIGNAL_DISMISSED, PANEL_GRADED, PANEL_OUTCOME_RECORDED, ALERT_DRAFTED,
	ALERT_UPDATE_DRAFTED, ALERT_CANCELLATION_DRAFTED, ALERT_APPROVED, ALERT_APPROVED_AND_ISSUED, ALERT_DRAFT_EDITED,
	ALERT_DRAFT_WITHDRAWN, ALERT_DRAFT_RETURNED, SIGNAL_CASE_UPDATED, SIGNAL_CONFIRMED_BY_LABORATORY, SIGNALS_LINKED

}
