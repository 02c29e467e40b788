package org.harmwatch.overdose;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The live map and the epidemic curve of the incidents a reader may read: exact points
 * only of those the policy lets them see in full, counts per area of all of them.
 *
 * @param filter what was asked for
 * @param vintage the boundary edition of the areas counted
 * @param points the points the reader may see (none for police and intelligence readers)
 * @param areas incidents per area of {@code filter.level()}, most first
 * @param unplaced incidents known only by a district, a postcode district or an area
 * coarser than the level, so in no area of it
 * @param total every incident counted
 * @param curve the epidemic curve, one bar per day or week of the period, empty ones
 * included
 * @param hours incidents by hour of day, Monday to Sunday
 */
public record IncidentMap(MapFilter filter, String vintage, List<Point> points, List<AreaCount> areas, long unplaced,
		long total, List<Bar> curve, List<DayHours> hours) {

	public IncidentMap {
		points = List.copyOf(points);
		areas = List.copyOf(areas);
		curve = List.copyOf(curve);
		hours = List.copyOf(hours);
	}

	/**
	 * Incidents by hour of day on one day of the week (night-time economy, item 4), in
	 * the region's local time.
	 *
	 * @param counts 24 counts, from 00:00–00:59 to 23:00–23:59
	 */
	public record DayHours(DayOfWeek day, List<Long> counts) {

		public DayHours {
			counts = List.copyOf(counts);
		}

		public long total() {
			return counts.stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The most incidents in one hour of one day of the week (at least 1). */
	public long busiestHour() {
		return Math.max(1, hours.stream().flatMap(d -> d.counts().stream()).mapToLong(Long::longValue).max().orElse(0));
	}

	/** One incident's point; nothing that names the person. */
	public record Point(double lat, double lon, boolean fatal) {
	}

	/** Incidents in one area. */
	public record AreaCount(String code, String name, @Nullable String ladName, long incidents, long fatal) {
	}

	/**
	 * One bar of the epidemic curve.
	 *
	 * @param start its first day
	 * @param end its last day (a week's last bar may be cut short by the period)
	 */
	public record Bar(LocalDate start, LocalDate end, long fatal, long nonFatal) {

		public long total() {
			return fatal + nonFatal;
		}

	}

	/** The highest bar (at least 1, so that a chart of nothing can be drawn). */
	public long highestBar() {
		return Math.max(1, curve.stream().mapToLong(Bar::total).max().orElse(0));
	}

	/** Fatal incidents among the {@code total}. */
	public long fatal() {
		return curve.stream().mapToLong(Bar::fatal).sum();
	}

}
