package org.harmwatch.naloxone;

/** What became of the person naloxone was given to. */
public enum AdministrationOutcome {

	/** They survived. */
	SURVIVED,
	/** They died. */
	DIED,
	/** Not known. */
	NOT_KNOWN

}
