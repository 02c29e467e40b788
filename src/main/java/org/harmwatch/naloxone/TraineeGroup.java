package org.harmwatch.naloxone;

/** Who was trained to give naloxone. */
public enum TraineeGroup {

	/** People who use drugs. */
	PEOPLE_WHO_USE_DRUGS,
	/** Their family and friends. */
	FAMILY_AND_FRIENDS,
	/** Staff of services: hostels, drug services, pharmacies. */
	SERVICE_STAFF,
	/** Police officers. */
	POLICE_OFFICERS,
	/** Prison staff. */
	PRISON_STAFF,
	/** Prisoners, before release. */
	PRISONERS,
	/** Anyone else. */
	OTHER

}
