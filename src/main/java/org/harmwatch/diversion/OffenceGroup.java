package org.harmwatch.diversion;

/** The offence groups a scheme admits, and the strata of a trial's allocation. */
public enum OffenceGroup {

	DRUG_POSSESSION, ACQUISITIVE, VIOLENCE, PUBLIC_ORDER, CRIMINAL_DAMAGE, OTHER

}
