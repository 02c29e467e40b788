package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * How a report arrived.
 */
@NamedInterface("events")
public enum Channel {

	/** The staff form, signed in. */
	STAFF_FORM,

	/** A partner system with an API token. */
	API,

	/** The anonymous public form; no personal data is kept. */
	PUBLIC_FORM

}
