package org.harmwatch.earlywarning;

/**
 * Where an alert stands, for the coordinator's list.
 */
public enum AlertState {

	/** Drafted, not yet approved by anyone. */
	DRAFT,

	/** On the urgent path: approved by one named approver, waiting for the second. */
	AWAITING_APPROVAL,

	/** Issued and current. */
	ISSUED,

	/** Issued, and its validity period has passed. */
	EXPIRED,

	/** Withdrawn by a cancellation. */
	CANCELLED,

	/** Withdrawn before it was ever issued; it stays in the history. */
	WITHDRAWN

}
