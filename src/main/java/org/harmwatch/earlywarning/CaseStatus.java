package org.harmwatch.earlywarning;

/**
 * How sure early warning is that a signal is real: the LDIS case definitions.
 */
public enum CaseStatus {

	/** Reported or seen, not yet corroborated. */
	SUSPECTED,

	/** Corroborated by other reports, drug checking on site or the panel's judgement. */
	PROBABLE,

	/** Confirmed by a laboratory (GC-MS, LC-MS or a toxicology result). */
	CONFIRMED

}
