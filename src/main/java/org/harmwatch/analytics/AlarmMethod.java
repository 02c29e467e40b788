package org.harmwatch.analytics;

/**
 * Temporal aberration detectors for daily counts.
 */
public enum AlarmMethod {

	/** EARS C1: baseline the 7 days before, threshold 3 (CDC). */
	EARS_C1,

	/** EARS C2: baseline days t-9..t-3, threshold 3 (CDC). */
	EARS_C2,

	/** EARS C3: the sum of the last three C2 excesses, threshold 2 (CDC). */
	EARS_C3,

	/** A Poisson CUSUM that resets after an alarm, trained on the first 28 days. */
	CUSUM,

	/**
	 * Farrington flexible with the Noufaily improvements, on weekly counts (needs at
	 * least 3 years).
	 */
	FARRINGTON

}
