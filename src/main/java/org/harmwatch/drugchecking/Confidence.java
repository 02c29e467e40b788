package org.harmwatch.drugchecking;

/** How sure the analyst is that a component is there. */
public enum Confidence {

	CONFIRMED, PROBABLE, POSSIBLE

}
