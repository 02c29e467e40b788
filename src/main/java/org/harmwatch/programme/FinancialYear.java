package org.harmwatch.programme;

import java.time.LocalDate;
import java.time.Month;

/**
 * A UK financial year, April to March, named by the calendar year it starts in: 2026 is 1
 * April 2026 to 31 March 2027, shown "2026-27".
 */
public record FinancialYear(int startYear) {

	/** The earliest and latest years the ledger holds. */
	public static final int FIRST = 2000, LAST = 2100;

	public FinancialYear {
		if (startYear < FIRST || startYear > LAST) {
			throw new IllegalArgumentException("A financial year from " + FIRST + " to " + LAST);
		}
	}

	/** The financial year a day falls in. */
	public static FinancialYear of(LocalDate day) {
		return new FinancialYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
	}

	/** Its first day, 1 April. */
	public LocalDate first() {
		return LocalDate.of(startYear, Month.APRIL, 1);
	}

	/** Its last day, 31 March of the next year. */
	public LocalDate last() {
		return LocalDate.of(startYear + 1, Month.MARCH, 31);
	}

	/** "2026-27". */
	public String label() {
		return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
	}

}
