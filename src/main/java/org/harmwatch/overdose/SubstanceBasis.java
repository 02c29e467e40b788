package org.harmwatch.overdose;

/** How the substances of an overdose are known. */
public enum SubstanceBasis {

	/** Suspected from what the person, a witness or the scene said. */
	SUSPECTED,
	/** Confirmed by toxicology. */
	CONFIRMED

}
