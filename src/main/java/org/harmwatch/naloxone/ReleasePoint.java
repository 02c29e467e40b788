package org.harmwatch.naloxone;

/**
 * A point of risk at which a person may leave with a kit (recommendation 6.1: prisons,
 * bail hostels, homeless shelters).
 */
public enum ReleasePoint {

	/** Release from prison. */
	PRISON_RELEASE,
	/** A bail hostel. */
	BAIL_HOSTEL,
	/** A homeless shelter. */
	HOMELESS_SHELTER,
	/** Discharge from hospital after an overdose. */
	HOSPITAL_DISCHARGE,
	/** Leaving treatment. */
	LEAVING_TREATMENT,
	/** Release from police custody. */
	CUSTODY_RELEASE

}
