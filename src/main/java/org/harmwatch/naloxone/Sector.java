package org.harmwatch.naloxone;

/** Which sector runs a holder, as commissioners count providers. */
public enum Sector {

	/** The NHS, police, prisons, councils. */
	PUBLIC,
	/** A business, such as a community pharmacy. */
	PRIVATE,
	/** A charity or other voluntary organisation. */
	THIRD_SECTOR;

	/** The sector a holder of this kind usually belongs to, when none is given. */
	public static Sector usualFor(HolderKind kind) {
		return switch (kind) {
			case PHARMACY -> PRIVATE;
			case CUSTODY_SUITE, POLICE_OFFICERS, FIRE_OFFICERS, PRISON, AMBULANCE, HOSPITAL -> PUBLIC;
			case DRUG_SERVICE, HOSTEL, OTHER -> THIRD_SECTOR;
		};
	}

}
