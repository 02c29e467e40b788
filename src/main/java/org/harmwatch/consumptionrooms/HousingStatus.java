package org.harmwatch.consumptionrooms;

/** The client's housing as they describe it at the visit. */
public enum HousingStatus {

	SETTLED, HOUSING_PROBLEM, HOMELESS, NOT_KNOWN

}
