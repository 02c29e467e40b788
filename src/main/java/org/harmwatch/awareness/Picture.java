package org.harmwatch.awareness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harmwatch.analytics.Heatmap;
import org.harmwatch.analytics.HotspotMap;
import org.jspecify.annotations.Nullable;

/**
 * What one viewer may see of a period, an area and a substance class: the map's points,
 * the events as a list, counts per area, the epidemic curve, and Gi* and the heatmap over
 * them.
 *
 * @param filter what was asked for
 * @param vintage the boundary edition of {@code filter.level()}
 * @param layers which sources the viewer's grants let in
 * @param points every placed event the viewer may see at a point, three numbers each:
 * latitude and longitude times 100,000 (about a metre) and the {@link EventKind} ordinal;
 * compact so that 50,000 of them stay a small download
 * @param events the events other than overdoses, newest first (overdoses are too many to
 * list: they are in {@code areas} and {@code curve})
 * @param overdoses overdoses counted
 * @param unplacedOverdoses overdoses known only by an area coarser than the level
 * @param areas per area of the level: overdoses and reports, busiest first
 * @param curve one entry per day of the period, empty days included
 * @param hotspots Gi* of overdoses and reports per area, or {@code null} with a reason in
 * {@code limits}
 * @param heatmap kernel density of the points the viewer sees, or {@code null} when there
 * are none
 * @param limits message codes saying what was left out and why
 */
public record Picture(AwarenessFilter filter, String vintage, Layers layers, int[] points, List<Event> events,
		long overdoses, long unplacedOverdoses, List<AreaCount> areas, List<Day> curve, @Nullable HotspotMap hotspots,
		@Nullable Heatmap heatmap, List<String> limits) {

	public Picture {
		events = List.copyOf(events);
		areas = List.copyOf(areas);
		curve = List.copyOf(curve);
		limits = List.copyOf(limits);
	}

	/**
	 * Which sources the viewer sees.
	 *
	 * @param overdoses overdose counts per area (overdose read)
	 * @param overdosePoints overdoses at their points (the overdose policy's full detail)
	 * @param earlyWarning reports, signals, alerts and spikes (early-warning read)
	 * @param findings the drug-checking board's published results of concern
	 */
	public record Layers(boolean overdoses, boolean overdosePoints, boolean earlyWarning, boolean findings) {
	}

	/**
	 * One event of the list.
	 *
	 * @param kind what it is
	 * @param at when it happened (a finding: the first day of its month)
	 * @param title one line about it
	 * @param substanceClass its (most specific) substance class, if known
	 * @param ladCode its district, if known
	 * @param place the place in words (district, ward or area)
	 * @param href its page for this viewer, or {@code null}
	 * @param exact whether it is drawn at its own point rather than its area's centre
	 */
	public record Event(EventKind kind, Instant at, String title, @Nullable String substanceClass,
			@Nullable String ladCode, @Nullable String place, @Nullable String href, boolean exact) {
	}

	/** Overdoses and reports in one area. */
	public record AreaCount(String code, String name, @Nullable String ladName, long overdoses, long reports) {

		public long total() {
			return overdoses + reports;
		}

	}

	/**
	 * One day of the epidemic curve.
	 *
	 * @param counts events of each {@link EventKind}, by ordinal
	 */
	public record Day(LocalDate day, List<Long> counts) {

		public Day {
			counts = List.copyOf(counts);
		}

		public long total() {
			return counts.stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The busiest day's events (at least 1, so that a chart of nothing can be drawn). */
	public long highestDay() {
		return Math.max(1, curve.stream().mapToLong(Day::total).max().orElse(0));
	}

	/** Events of one kind in the period (overdoses included). */
	public long count(EventKind kind) {
		return curve.stream().mapToLong(d -> d.counts().get(kind.ordinal())).sum();
	}

}
