package org.harmwatch.earlywarning;

/**
 * How strong the evidence behind a signal is, as a panel member grades it (after the PHE
 * Local Drug Information System's grading), from the strongest to the weakest.
 */
public enum EvidenceStrength {

	/** Confirmed by laboratory analysis (toxicology, forensic or drug-checking lab). */
	A,

	/** Corroborated by several independent credible sources. */
	B,

	/** A single credible report. */
	C,

	/** Unverified: rumour, a single unclear report, social media. */
	D

}
