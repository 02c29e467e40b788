package org.harmwatch.drugchecking;

/**
 * An age band, recorded only when the session's licence is
 * {@link LicenceCondition#ADULTS_ONLY}.
 */
public enum AgeBand {

	UNDER_18, AGE_18_24, AGE_25_34, AGE_35_PLUS;

	public boolean adult() {
		return this != UNDER_18;
	}

}
