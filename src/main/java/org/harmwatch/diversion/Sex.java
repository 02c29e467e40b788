package org.harmwatch.diversion;

/** Sex as recorded in custody, for the fairness report. */
public enum Sex {

	FEMALE, MALE, OTHER

}
