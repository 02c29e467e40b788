package org.harmwatch.hatclinic;

/** The two supervised sessions of a day. */
public enum DoseSlot {

	MORNING, EVENING

}
