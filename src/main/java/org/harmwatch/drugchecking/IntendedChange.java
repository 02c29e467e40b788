package org.harmwatch.drugchecking;

/** What the person said they would do after hearing the result. */
public enum IntendedChange {

	TAKE_LESS, NOT_TAKE, NOT_MIX, NO_CHANGE

}
