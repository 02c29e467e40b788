package org.harmwatch.hatclinic;

/** The outcome of an assessment against the criteria. */
public enum Decision {

	SUITABLE, NOT_SUITABLE

}
