package org.harmwatch.overdose;

import org.springframework.modulith.NamedInterface;

/** Who gave naloxone at an overdose. */
@NamedInterface("events")
public enum NaloxoneGiver {

	/** A police officer. */
	POLICE,
	/** A paramedic or ambulance technician. */
	PARAMEDIC,
	/** A peer: a friend, family member or another person who uses drugs. */
	PEER,
	/** Staff of a service: a hostel, a drug service, a consumption room, a prison. */
	STAFF,
	/** Anyone else, or not known. */
	OTHER

}
