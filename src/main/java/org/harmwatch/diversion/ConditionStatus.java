package org.harmwatch.diversion;

/** Compliance with one condition. */
public enum ConditionStatus {

	PENDING, MET, BREACHED

}
