package org.harmwatch.agency;

import java.util.EnumSet;
import java.util.Set;

import org.harmwatch.shared.Purpose;

import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

/**
 * The kinds of organisation that take part in the programme, and the purposes their staff may hold data for.
 */
public enum AgencyType {

	POLICE_FORCE("Police force", POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	COUNCIL_PUBLIC_HEALTH("Council public health", PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	COUNCIL_ENVIRONMENTAL_SERVICES("Council environmental services", PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	TREATMENT_PROVIDER("Treatment provider", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	DRUG_CHECKING_SERVICE("Drug-checking service", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	CONSUMPTION_ROOM_OPERATOR("Consumption room operator", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	NHS_TRUST("NHS trust / A&E", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	AMBULANCE_SERVICE("Ambulance service", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	PRISON("Prison", POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	PROBATION("Probation service", POLICING, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	CORONER("Coroner", HEALTH, PUBLIC_HEALTH_INTELLIGENCE, PUBLIC),
	COMMISSIONERS_OFFICE("Police and crime commissioner's office", PUBLIC_HEALTH_INTELLIGENCE, PUBLIC);

	private final String title;

	private final Set<Purpose> purposes;

	AgencyType(String title, Purpose first, Purpose... rest) {
		this.title = title;
		this.purposes = EnumSet.of(first, rest);
	}

	public String title() {
		return title;
	}

	/** The purposes this kind of agency may hold records for. */
	public Set<Purpose> purposes() {
		return purposes;
	}

}
