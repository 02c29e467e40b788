package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * How fast a signal needs looking at, from the least to the most urgent.
 */
@NamedInterface("events")
public enum Urgency {

	ROUTINE, HIGH, URGENT;

	/** The more urgent of the two. */
	public Urgency max(Urgency other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
