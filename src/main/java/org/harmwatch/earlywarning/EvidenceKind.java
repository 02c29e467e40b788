package org.harmwatch.earlywarning;

/**
 * What a piece of evidence in a signal is.
 */
public enum EvidenceKind {

	/** A report through a form or the API. */
	REPORT,

	/** A spike found by the analytics detector. */
	SPIKE,

	/** A dangerous sample found by drug checking. */
	DRUG_CHECK

}
