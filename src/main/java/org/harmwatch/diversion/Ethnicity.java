package org.harmwatch.diversion;

/** The five broad ethnic groups of the census, for the fairness report. */
public enum Ethnicity {

	ASIAN, BLACK, MIXED, WHITE, OTHER

}
