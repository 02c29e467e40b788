package org.harmwatch.shared;

/**
 * A part of the programme a role can be granted actions on; one per module that holds data.
 */
public enum Capability {

	AGENCY, AUDIT, GEOGRAPHY, SUBSTANCES, EARLY_WARNING, DRUG_CHECKING, ANALYTICS, OVERDOSE, NALOXONE, DIVERSION,
	CUSTODY_TESTING, HAT_CLINIC, CONSUMPTION_ROOMS, PROCEEDS, PROGRAMME

}
