package org.harmwatch.overdose.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.harmwatch.overdose.IncidentMap;

/**
 * The epidemic curve drawn as SVG on the server: one stacked bar per day or week, fatal
 * below and non-fatal above, so that the chart needs no script and the table under it
 * holds the same numbers.
 *
 * @param bars the bars, left to right
 * @param highest the count at the top of the axis
 */
record CurveChart(List<Shape> bars, long highest) {

	/** The chart's width in SVG units. */
	static final int WIDTH = 720;

	/** The height of the plot in SVG units. */
	static final int HEIGHT = 200;

	/** One bar: its two stacked parts. */
	record Shape(String x, String width, String fatalY, String fatalHeight, String nonFatalY, String nonFatalHeight,
			IncidentMap.Bar bar) {
	}

	static CurveChart of(IncidentMap map) {
		long highest = map.highestBar();
		int count = Math.max(1, map.curve().size());
		double width = (double) WIDTH / count;
		var shapes = new ArrayList<Shape>();
		int i = 0;
		for (var bar : map.curve()) {
			double fatal = HEIGHT * (double) bar.fatal() / highest;
			double nonFatal = HEIGHT * (double) bar.nonFatal() / highest;
			shapes.add(new Shape(number(i * width), number(Math.max(width - (width > 3 ? 1 : 0), 0.5)),
					number(HEIGHT - fatal), number(fatal), number(HEIGHT - fatal - nonFatal), number(nonFatal), bar));
			i++;
		}
		return new CurveChart(shapes, highest);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
