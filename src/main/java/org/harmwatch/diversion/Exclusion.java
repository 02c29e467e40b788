package org.harmwatch.diversion;

/** Offences a scheme may exclude whatever else applies. */
public enum Exclusion {

	DOMESTIC_ABUSE, SEXUAL, HATE, NEEDS_COURT_POWERS

}
