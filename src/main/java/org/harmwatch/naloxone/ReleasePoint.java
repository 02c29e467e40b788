package org.harmwatch.naloxone;

/**
 * A point of risk at which a person may leave with a kit (recommendation 6.1: prisons,
 * bail hostels, homeless shelters).
 */
public enum ReleasePoint {

	/** Release from prison. */
	PRISON_RELEASE(HolderKind.PRISON),
	/** A bail hostel. */
	BAIL_HOSTEL(HolderKind.HOSTEL),
	/** A homeless shelter. */
	HOMELESS_SHELTER(HolderKind.HOSTEL),
	/** Discharge from hospital after an overdose. */
	HOSPITAL_DISCHARGE(HolderKind.HOSPITAL),
	/** Leaving treatment. */
	LEAVING_TREATMENT(HolderKind.DRUG_SERVICE),
	/** Release from police custody. */
	CUSTODY_RELEASE(HolderKind.CUSTODY_SUITE);

	private final HolderKind expectedAt;

	ReleasePoint(HolderKind expectedAt) {
		this.expectedAt = expectedAt;
	}

	/**
	 * The kind of holder at which people pass this point: a holder of that kind with no
	 * leavers recorded at any of its points is a gap.
	 */
	public HolderKind expectedAt() {
		return expectedAt;
	}

}
