package org.harmwatch.overdose;

import org.harmwatch.shared.AgencyType;

/** Who reported an overdose. */
public enum IncidentSource {

	/** An ambulance service's call, dispatch or patient record. */
	AMBULANCE,
	/** An emergency department attendance. */
	EMERGENCY_DEPARTMENT,
	/** Police who attended. */
	POLICE,
	/** A drug consumption room or overdose prevention centre. */
	CONSUMPTION_ROOM,
	/** A drug or alcohol service. */
	DRUG_SERVICE,
	/** A prison. */
	PRISON,
	/** A coroner. */
	CORONER,
	/** Anyone else. */
	OTHER;

	/** The source an agency of this type reports as, unless it says otherwise. */
	public static IncidentSource of(AgencyType type) {
		return switch (type) {
			case AMBULANCE_SERVICE -> AMBULANCE;
			case NHS_TRUST -> EMERGENCY_DEPARTMENT;
			case POLICE_FORCE -> POLICE;
			case CONSUMPTION_ROOM_OPERATOR -> CONSUMPTION_ROOM;
			case TREATMENT_PROVIDER, DRUG_CHECKING_SERVICE -> DRUG_SERVICE;
			case PRISON -> PRISON;
			case CORONER -> CORONER;
			default -> OTHER;
		};
	}

}
