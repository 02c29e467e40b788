package org.harmwatch.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Where what Java can parse and what Harmwatch accepts part: dates are of the years 1 to
 * 9999.
 *
 * <p>
 * Java reads {@code +999999999-01-01} as a date, but PostgreSQL cannot store it and
 * adding a day to it fails; no record of this service is dated before year 1 or after
 * 9999, and neither is any date a browser's date field sends in practice. JSON bodies are
 * checked once for every API (the platform's strict JSON reader); a module that parses a
 * date from a form field checks it here.
 */
public final class InputRanges {

	/** The first year accepted. */
	public static final int FIRST_YEAR = 1;

	/** The last year accepted. */
	public static final int LAST_YEAR = 9999;

	private InputRanges() {
	}

	/** Whether the year lies in {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
	public static boolean isAcceptedYear(int year) {
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

	/**
	 * Whether a date, month, date and time or instant lies in the accepted years; values
	 * without a year are.
	 */
	public static boolean isAccepted(TemporalAccessor value) {
		if (value instanceof Instant instant) {
			return instant.isAfter(Instant.MIN.plusSeconds(1)) && instant.isBefore(Instant.MAX.minusSeconds(1))
					&& isAcceptedYear(instant.atOffset(ZoneOffset.UTC).getYear());
		}
		return !value.isSupported(ChronoField.YEAR) || isAcceptedYear(value.get(ChronoField.YEAR));
	}

}
