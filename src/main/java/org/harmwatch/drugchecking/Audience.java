package org.harmwatch.drugchecking;

/** Who results are being released to; the licence conditions are applied per audience. */
public enum Audience {

	/** The drug-checking service and other health staff (grants for {@code HEALTH}). */
	HEALTH_STAFF,

	/**
	 * Staff of a law-enforcement agency (police, prison, probation), whatever their
	 * grants.
	 */
	LAW_ENFORCEMENT,

	/** The person who handed the sample in, looking it up by its code. */
	PUBLIC_LOOKUP,

	/** The anonymised public results board. */
	PUBLIC_BOARD

}
