package org.harmwatch.hatclinic;

/** How diamorphine is taken. */
public enum Route {

	INTRAVENOUS, INTRAMUSCULAR, INHALED, ORAL

}
