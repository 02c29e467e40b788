package org.harmwatch.overdose.web;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.overdose.AreaMonthTable;
import org.harmwatch.overdose.Cell;
import org.jspecify.annotations.Nullable;

/**
 * The public map of a published table: each district's total over the months, shaded by
 * its rate per 100,000 in up to {@link #BANDS} bands cut at the quantiles of the
 * published rates only. A withheld total has no band (the map hatches it and says "fewer
 * than 5"), so nothing on the map is worked out from a withheld count.
 *
 * @param areas one per district, in the table's order
 * @param bands the bands, lowest first; empty when no rate is published
 */
record PublishedChoropleth(List<Area> areas, List<Band> bands) {

	/** The most bands a map has. */
	static final int BANDS = 5;

	/**
	 * One district.
	 *
	 * @param total its published total over the months (withheld when any month is)
	 * @param band its band's index, or {@code null} when withheld or no rate is known
	 */
	record Area(String code, String name, Cell total, @Nullable Integer band) {

		/** The class the map and the legend colour it with. */
		String cssClass() {
			if (total.suppressed()) {
				return "hw-withheld";
			}
			return band == null ? "hw-no-rate" : "hw-band-" + band;
		}

	}

	/** Rates from {@code lower} to {@code upper} per 100,000, both published. */
	record Band(int index, double lower, double upper) {

		String cssClass() {
			return "hw-band-" + index;
		}

	}

	static PublishedChoropleth of(AreaMonthTable table) {
		var rates = table.rows()
			.stream()
			.map(r -> r.total().rate())
			.filter(r -> r != null)
			.map(Double::doubleValue)
			.sorted()
			.toList();
		var bands = bands(rates);
		var areas = new ArrayList<Area>();
		for (var row : table.rows()) {
			var rate = row.total().rate();
			Integer band = null;
			if (!row.total().suppressed() && rate != null) {
				for (var b : bands) {
					if (rate >= b.lower()) {
						band = b.index();
					}
				}
			}
			areas.add(new Area(row.ladCode(), row.ladName(), row.total(), band));
		}
		return new PublishedChoropleth(areas, bands);
	}

	/**
	 * Up to {@link #BANDS} bands of about as many rates each, each starting at a
	 * published rate and ending at the highest rate in it.
	 */
	static List<Band> bands(List<Double> sortedRates) {
		var bands = new ArrayList<Band>();
		int n = sortedRates.size();
		int count = Math.min(BANDS, n);
		int start = 0;
		for (int b = 0; b < count; b++) {
			int end = (int) Math.round((b + 1) * (double) n / count);
			if (end <= start) {
				continue;
			}
			double lower = sortedRates.get(start);
			double upper = sortedRates.get(end - 1);
			// Equal rates stay in one band.
			while (end < n && sortedRates.get(end) == upper) {
				end++;
			}
			upper = sortedRates.get(end - 1);
			bands.add(new Band(bands.size(), lower, upper));
			start = end;
			if (start >= n) {
				break;
			}
		}
		return bands;
	}

}
