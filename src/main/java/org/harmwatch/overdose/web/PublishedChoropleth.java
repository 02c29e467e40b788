package org.harmwatch.overdose.web;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.overdose.AreaMonthTable;
import org.harmwatch.overdose.Cell;
import org.harmwatch.platform.web.MapBands;

/**
 * The public map of a published table: each district's total over the months, shaded by
 * its rate per 100,000 in bands cut at the published rates only ({@link MapBands}). A
 * withheld total has no band (the map hatches it and says "fewer than 5"), so nothing on
 * the map is worked out from a withheld count.
 *
 * @param areas one per district, in the table's order
 * @param bands the bands of the published rates
 */
record PublishedChoropleth(List<Area> areas, MapBands bands) {

	/**
	 * One district.
	 *
	 * @param total its published total over the months (withheld when any month is)
	 * @param cssClass how the map and the table's swatch colour it: its band,
	 * {@code hw-withheld} or {@code hw-no-rate}
	 */
	record Area(String code, String name, Cell total, String cssClass) {

	}

	static PublishedChoropleth of(AreaMonthTable table) {
		var bands = MapBands.of(table.rows()
			.stream()
			.filter(r -> !r.total().suppressed() && r.total().rate() != null)
			.map(r -> r.total().rate())
			.toList());
		var areas = new ArrayList<Area>();
		for (var row : table.rows()) {
			var total = row.total();
			var cssClass = total.suppressed() ? "hw-withheld" : bands.cssClassOf(total.rate(), "hw-no-rate");
			areas.add(new Area(row.ladCode(), row.ladName(), total, cssClass));
		}
		return new PublishedChoropleth(areas, bands);
	}

}
