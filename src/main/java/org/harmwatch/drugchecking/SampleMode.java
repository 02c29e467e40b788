package org.harmwatch.drugchecking;

/**
 * How a sample reached the service: from the person in a consultation, or handed in
 * without one.
 */
public enum SampleMode {

	/**
	 * A member of the public, in a consultation: they may retrieve the result by its
	 * code.
	 */
	FRONT_OF_HOUSE,

	/** Back of house: from an amnesty bin. */
	AMNESTY_BIN,

	/** Back of house: seized at the door or by security. */
	DOOR_SEIZURE,

	/** Back of house: from a medic or paramedic treating someone. */
	MEDICAL,

	/** Back of house: submitted by the police. */
	POLICE_SUBMITTED;

	public boolean frontOfHouse() {
		return this == FRONT_OF_HOUSE;
	}

}
