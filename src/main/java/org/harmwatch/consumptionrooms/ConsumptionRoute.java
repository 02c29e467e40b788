package org.harmwatch.consumptionrooms;

/** How the client took the drug. */
public enum ConsumptionRoute {

	INJECTED, SMOKED, SNORTED, ORAL

}
