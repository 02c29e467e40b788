package org.harmwatch.dissemination.internal;

import org.harmwatch.platform.AuditAction;

/**
 * What dissemination records in the audit log: each public subscription asked for,
 * confirmed and ended.
 */
public enum DisseminationAudit implements AuditAction {

	SUBSCRIPTION_REQUESTED, SUBSCRIPTION_CONFIRMED, SUBSCRIPTION_ENDED, INBOX_LISTED, INBOX_ALERT_READ,
	INBOX_ALERT_WITHHELD, CASCADE_LEAD_NAMED, CASCADE_LEAD_REMOVED, CASCADE_LEADS_VIEWED

}
