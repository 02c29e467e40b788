package org.harmwatch.awareness;

/**
 * What an event on the situational-awareness map is, in the order the map's layers and
 * the epidemic curve list them.
 */
public enum EventKind {

	/** An overdose incident (overdose module). */
	OVERDOSE,

	/** A report to early warning. */
	REPORT,

	/** An early-warning signal opened. */
	SIGNAL,

	/** A published drug-checking result of concern (the board). */
	FINDING,

	/** A spike or space-time cluster the analytics engine detected. */
	SPIKE,

	/** An early-warning alert issued. */
	ALERT

}
