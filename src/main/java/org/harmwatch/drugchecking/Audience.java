package org.harmwatch.drugchecking;

/** Who results are being released to; the licence conditions are applied per audience. */
public enum Audience {

	/** The drug-checking service and other health staff (grants for {@code HEALTH}). */
	HEALTH_STAFF,

	/** Anyone whose grants include a {@code POLICING} purpose. */
	LAW_ENFORCEMENT,

	/** The person who handed the sample in, looking it up by its code. */
	PUBLIC_LOOKUP,

	/** The anonymised public results board. */
	PUBLIC_BOARD

}
