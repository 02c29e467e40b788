package org.harmwatch.diversion;

/** The legal basis a treatment link is made under. */
public enum LegalBasis {

	CONSENT, LAW_ENFORCEMENT_PART3, CRIME_AND_DISORDER_S115

}
