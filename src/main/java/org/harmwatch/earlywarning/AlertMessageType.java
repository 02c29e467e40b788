package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * Whether an issued alert is new, changes an earlier one, or withdraws it (CAP
 * {@code msgType} Alert, Update, Cancel).
 */
@NamedInterface("events")
public enum AlertMessageType {

	ALERT, UPDATE, CANCEL

}
