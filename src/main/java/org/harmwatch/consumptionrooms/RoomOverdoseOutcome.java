package org.harmwatch.consumptionrooms;

/** What became of a client after an overdose in the room. */
public enum RoomOverdoseOutcome {

	RECOVERED_ON_SITE, TO_HOSPITAL, DIED

}
