package org.harmwatch.drugchecking;

/** Where a service checks drugs. */
public enum SiteKind {

	FESTIVAL, NIGHT_TIME_DISTRICT, FIXED_SITE, POSTAL

}
