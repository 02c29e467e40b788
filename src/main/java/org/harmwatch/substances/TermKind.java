package org.harmwatch.substances;

/**
 * What kind of name a term is for its substance.
 */
public enum TermKind {

	/** The substance's own name. */
	NAME,

	/**
	 * Another name in formal or professional use: chemical name, INN, abbreviation,
	 * brand.
	 */
	SYNONYM,

	/** A name used on the street or by people who use drugs. */
	STREET_NAME

}
