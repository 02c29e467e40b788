package org.harmwatch.overdose;

/** What happened to the person after an overdose. */
public enum IncidentOutcome {

	/** Revived and stayed where they were. */
	REVIVED,
	/** Taken to hospital. */
	CONVEYED,
	/** Died. */
	DIED

}
