package org.harmwatch.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The bands a choropleth shades its areas in: up to {@link #MOST} bands of about as many
 * areas each, cut at the quantiles of the values shown (never of values withheld), each
 * from a value shown to the highest value in it. The map and its legend colour band
 * {@code i} with the CSS class {@code hw-band-i} (css/geography.css); the table beside
 * the map names the same class on each row, and the map is drawn from that table
 * (js/choropleth.js).
 *
 * @param bands the bands, lowest first; empty when there is no value
 */
@NamedInterface("forms")
public record MapBands(List<Band> bands) {

	/** The most bands a map has: the ramp's colours. */
	public static final int MOST = 5;

	/** Values from {@code lower} to {@code upper}, both shown. */
	public record Band(int index, double lower, double upper) {

		/** The class the map and the legend colour this band with. */
		public String cssClass() {
			return "hw-band-" + index;
		}

	}

	public MapBands {
		bands = List.copyOf(bands);
	}

	/** The bands of these values (in any order). */
	public static MapBands of(List<Double> values) {
		var sorted = values.stream().sorted().toList();
		var bands = new ArrayList<Band>();
		int n = sorted.size();
		int count = Math.min(MOST, n);
		int start = 0;
		for (int b = 0; b < count && start < n; b++) {
			int end = Math.max(start + 1, (int) Math.round((b + 1) * (double) n / count));
			double upper = sorted.get(end - 1);
			// Equal values stay in one band.
			while (end < n && sorted.get(end) == upper) {
				end++;
			}
			bands.add(new Band(bands.size(), sorted.get(start), upper));
			start = end;
		}
		return new MapBands(bands);
	}

	/** The band a value shown falls in; {@code null} for no value. */
	public @Nullable Band bandOf(@Nullable Double value) {
		if (value == null) {
			return null;
		}
		Band found = null;
		for (var band : bands) {
			if (value >= band.lower()) {
				found = band;
			}
		}
		return found == null && !bands.isEmpty() ? bands.get(0) : found;
	}

	/** The CSS class of a value's band, or {@code otherwise} for no value. */
	public String cssClassOf(@Nullable Double value, String otherwise) {
		var band = bandOf(value);
		return band == null ? otherwise : band.cssClass();
	}

}
