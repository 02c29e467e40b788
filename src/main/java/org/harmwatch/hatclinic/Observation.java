package org.harmwatch.hatclinic;

/** What staff saw after a dose. */
public enum Observation {

	NO_CONCERNS, DROWSY, RESPIRATORY_DEPRESSION, INTOXICATED, INJECTION_SITE_PROBLEM

}
