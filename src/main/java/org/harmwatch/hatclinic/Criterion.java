package org.harmwatch.hatclinic;

/**
 * One of the documented criteria of suitability.
 */
public enum Criterion {

	/** Long-term opioid dependence: at least the configured number of years. */
	LONG_TERM_DEPENDENCE,
	/** Repeated failure to respond to oral substitution treatment. */
	FAILED_ORAL_TREATMENT,
	/** Old enough (the configured minimum age). */
	AGE,
	/** Able to attend twice a day. */
	ATTENDS_TWICE_DAILY

}
