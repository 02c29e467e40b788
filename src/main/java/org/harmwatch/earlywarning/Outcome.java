package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * What happened, as a report can say it (several at once).
 */
@NamedInterface("events")
public enum Outcome {

	OVERDOSE, DEATH, UNUSUAL_EFFECTS, UNUSUAL_APPEARANCE_OR_STRENGTH

}
