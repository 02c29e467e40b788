package org.harmwatch.earlywarning;

/**
 * Whether an issued alert is new, changes an earlier one, or withdraws it (CAP {@code msgType} Alert, Update,
 * Cancel).
 */
public enum AlertMessageType {
	ALERT, UPDATE, CANCEL
}
