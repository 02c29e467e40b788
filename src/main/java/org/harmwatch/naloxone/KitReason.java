package org.harmwatch.naloxone;

/** Why a kit was replaced, returned or disposed of. */
public enum KitReason {

	/** It was used at an overdose. */
	USED,
	/** It was lost. */
	LOST,
	/** It passed its expiry date. */
	EXPIRED,
	/** It was taken from the person (by police, a prison, a hostel). */
	CONFISCATED,
	/** It was damaged. */
	DAMAGED,
	/** Another reason. */
	OTHER

}
