package org.harmwatch.awareness.internal;

import org.harmwatch.platform.AuditAction;

/** What the situational-awareness page writes to the audit log. */
public enum AwarenessAudit implements AuditAction {

	/** A viewer read the page or its data, with the filter and what each source gave. */
	AWARENESS_READ

}
