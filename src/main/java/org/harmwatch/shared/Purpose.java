package org.harmwatch.shared;

/**
 * Why a record is held, and therefore who may see it (DESIGN.md, "Data protection").
 */
public enum Purpose {

	/** Treatment, consumption rooms, drug checking, naloxone given to a person. */
	HEALTH,

	/** Custody, diversion, proceeds of crime, organised crime. */
	POLICING,

	/** Pseudonymised or aggregate intelligence shared between health and policing. */
	PUBLIC_HEALTH_INTELLIGENCE,

	/** Published to anyone. */
	PUBLIC,

	/**
	 * Running the platform itself: agencies, staff accounts, roles, API clients and the
	 * audit log. Holds no case records.
	 */
	ADMINISTRATION;

	/**
	 * Whether one role may hold grants for both purposes. Health and policing never meet
	 * in one role.
	 */
	public boolean conflictsWith(Purpose other) {
		return (this == HEALTH && other == POLICING) || (this == POLICING && other == HEALTH);
	}

}
