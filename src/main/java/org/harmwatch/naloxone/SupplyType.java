package org.harmwatch.naloxone;

/** Whether a supply to a person is their first kit or a replacement. */
public enum SupplyType {

	/** The person's first kit from this service. */
	FIRST,
	/** A replacement for a kit the person had. */
	RESUPPLY

}
