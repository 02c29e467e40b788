package org.harmwatch.earlywarning;

/**
 * How the reporter knows a substance was involved, from the most to the least certain.
 */
public enum HowKnown {

	/** Confirmed by a laboratory (toxicology, GC-MS, FTIR). */
	LAB,

	/** A test strip (fentanyl, nitazene, xylazine, benzodiazepine strips). */
	TEST_STRIP,

	/** The packaging, stamp or appearance. */
	PACKAGING,

	/** What the person's signs and symptoms suggested. */
	CLINICAL_PICTURE,

	/** What the person believed they took, or was told; not checked. */
	SUSPECTED

}
