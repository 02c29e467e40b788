package org.harmwatch.shared;

import java.util.EnumSet;
import java.util.Set;

import static org.harmwatch.shared.Purpose.ADMINISTRATION;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

/**
 * The kinds of organisation that take part in the programme, the purposes their staff may
 * hold data for, and whether they are law enforcement.
 *
 * <p>
 * Whether a reader counts as law enforcement follows from their agency's type, never from
 * the grants they happen to hold (DESIGN.md, "Data protection"). Every type may hold
 * {@link Purpose#ADMINISTRATION} (its own accounts) and {@link Purpose#PUBLIC}.
 */
public enum AgencyType {

	POLICE_FORCE("Police force", true, POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	COUNCIL_PUBLIC_HEALTH("Council public health", false, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	COUNCIL_ENVIRONMENTAL_SERVICES("Council environmental services", false, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC,
			ADMINISTRATION),
	TREATMENT_PROVIDER("Treatment provider", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	DRUG_CHECKING_SERVICE("Drug-checking service", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	CONSUMPTION_ROOM_OPERATOR("Consumption room operator", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC,
			ADMINISTRATION),
	NHS_TRUST("NHS trust / A&E", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	AMBULANCE_SERVICE("Ambulance service", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	PRISON("Prison", true, POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	PROBATION("Probation service", true, POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION),
	CORONER("Coroner", false, HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION), COMMISSIONERS_OFFICE(
			"Police and crime commissioner's office", false, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC, ADMINISTRATION);

	private final String title;

	private final boolean lawEnforcement;

	private final Set<Purpose> purposes;

	AgencyType(String title, boolean lawEnforcement, Purpose first, Purpose... rest) {
		this.title = title;
		this.lawEnforcement = lawEnforcement;
		this.purposes = EnumSet.of(first, rest);
	}

	public String title() {
		return title;
	}

	/** The purposes this kind of agency may hold records for. */
	public Set<Purpose> purposes() {
		return purposes;
	}

	/**
	 * Whether staff of this kind of agency are law enforcement (police, prisons,
	 * probation): licence conditions such as "not for law enforcement" and every rule
	 * that keeps health records from policing apply to them.
	 */
	public boolean lawEnforcement() {
		return lawEnforcement;
	}

}
