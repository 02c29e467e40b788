package org.harmwatch.naloxone;

/** What kind of place or service holds naloxone kits. */
public enum HolderKind {

	/** A drug or alcohol service. */
	DRUG_SERVICE,
	/** A community pharmacy. */
	PHARMACY,
	/** A hostel or homeless shelter, bail hostels included. */
	HOSTEL,
	/** A police custody suite. */
	CUSTODY_SUITE,
	/** Police officers who carry kits, as one pool. */
	POLICE_OFFICERS,
	/** Fire and rescue service officers who carry kits, as one pool. */
	FIRE_OFFICERS,
	/** A prison. */
	PRISON,
	/** An ambulance service. */
	AMBULANCE,
	/** A hospital, for people discharged after an overdose. */
	HOSPITAL,
	/** Anywhere else. */
	OTHER

}
