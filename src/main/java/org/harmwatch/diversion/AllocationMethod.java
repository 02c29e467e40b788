package org.harmwatch.diversion;

/** How an allocation was made. */
public enum AllocationMethod {

	RANDOM, DECISION_MAKER

}
