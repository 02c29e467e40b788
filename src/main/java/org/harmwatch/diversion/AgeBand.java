package org.harmwatch.diversion;

/** Age bands of the fairness report. */
public enum AgeBand {

	UNDER_18, AGE_18_TO_24, AGE_25_TO_34, AGE_35_TO_44, AGE_45_AND_OVER

}
