package org.harmwatch.overdose;

import java.time.YearMonth;
import java.util.List;

/**
 * Overdoses by district and month, with rates per 100,000 people, as published: counts
 * under {@link #THRESHOLD} suppressed, and no total that would give one away.
 *
 * @param months the months, oldest first
 * @param rows one per district of the region, by name
 * @param monthTotals the region's total per month (suppressed when any district's count
 * in that month is)
 * @param fatal fatal only (true), non-fatal only (false) or all (null)
 */
public record AreaMonthTable(List<YearMonth> months, List<Row> rows, List<Cell> monthTotals, Cell total,
		@org.jspecify.annotations.Nullable Boolean fatal) {

	/** Counts under this are not published. */
	public static final int THRESHOLD = 5;

	/** The licence of the published data. */
	public static final String LICENCE = "Open Government Licence v3.0";

	public static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

	/**
	 * One district.
	 *
	 * @param cells one per month, in the order of {@code months}
	 * @param total its total over the months (suppressed when any of its cells is)
	 */
	public record Row(String ladCode, String ladName, List<Cell> cells, Cell total) {

		public Row {
			cells = List.copyOf(cells);
		}

	}

	public AreaMonthTable {
		months = List.copyOf(months);
		rows = List.copyOf(rows);
		monthTotals = List.copyOf(monthTotals);
	}

}
