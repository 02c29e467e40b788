package org.harmwatch.overdose;

/** How an incident came in. */
public enum RecordedVia {

	FORM, API, IMPORT

}
