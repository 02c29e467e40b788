package org.harmwatch.consumptionrooms;

/** Where the client says they would otherwise have used. */
public enum OtherwisePlace {

	PUBLIC_PLACE, HOME, SOMEONE_ELSES_HOME, HOSTEL, WOULD_NOT_HAVE_USED, OTHER

}
