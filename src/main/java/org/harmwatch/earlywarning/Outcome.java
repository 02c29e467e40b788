package org.harmwatch.earlywarning;

/**
 * What happened, as a report can say it (several at once).
 */
public enum Outcome {

	OVERDOSE, DEATH, UNUSUAL_EFFECTS, UNUSUAL_APPEARANCE_OR_STRENGTH

}
