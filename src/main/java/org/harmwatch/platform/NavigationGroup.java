package org.harmwatch.platform;

/**
 * A top-level section of the service navigation; each module's navigation items and
 * work-queue items name one.
 *
 * <p>
 * A handful of sections for fifteen capabilities, so that the menu stays one short row
 * however many modules there are: a section shows only when the signed-in person may use
 * at least one of its items, and opens on the first of them. The label is the message
 * {@code nav.group.<NAME>}. Sections without a module yet are declared for the
 * capabilities that are coming (see docs/adr/0013-navigation-and-work-queues.md), so that
 * adding a module is one small navigation class.
 */
public enum NavigationGroup {

	/**
	 * Reports, signals, the expert panel, alerts and their delivery; overdose incidents
	 * and deaths when they come.
	 */
	INTELLIGENCE,

	/**
	 * Drug-checking sessions, samples and results, the public result lookup and board.
	 */
	DRUG_CHECKING,

	/**
	 * Naloxone, consumption rooms and treatment (heroin-assisted treatment), when they
	 * come.
	 */
	HARM_REDUCTION,

	/** Custody testing, diversion and proceeds of crime, when they come. */
	JUSTICE,

	/** Maps, spikes, hotspots and the programme's indicators. */
	ANALYTICS,

	/** Shared vocabularies and datasets: substances, areas. */
	REFERENCE_DATA,

	/** Agencies, staff, roles, sharing agreements and the audit log. */
	ADMINISTRATION

}
