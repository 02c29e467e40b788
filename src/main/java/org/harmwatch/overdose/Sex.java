package org.harmwatch.overdose;

/** A person's sex as the source recorded it. */
public enum Sex {

	FEMALE, MALE, OTHER

}
