package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * How serious an alert is, from the least to the most; maps onto CAP severity (Moderate,
 * Severe, Extreme).
 */
@NamedInterface("events")
public enum AlertLevel {

	/** Information for professionals: something to know, nothing to change yet. */
	ADVISORY,

	/** A drug or batch is causing harm: change what you do. */
	WARNING,

	/** Deaths or a cluster of life-threatening harm now: act immediately. */
	CRITICAL

}
