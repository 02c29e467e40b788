package org.harmwatch.analytics.temporal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of events per area in trailing windows, such as the last 24 hours or the last 7
 * days.
 *
 * <p>
 * A trailing window ending at t is the half-open interval (t - window, t]: an event
 * exactly one window earlier is out, events at t itself (all of them, whatever their
 * order in the input) are in.
 */
public final class RollingWindows {

	/** 24 hours. */
	public static final Duration DAY = Duration.ofHours(24);

	/** 7 days. */
	public static final Duration WEEK = Duration.ofDays(7);

	private RollingWindows() {
	}

	/**
	 * For each event, in input order, the number of events in its area in the window
	 * ending at its time (itself included).
	 */
	public static int[] trailingCounts(List<AreaEvent> events, Duration window) {
		requirePositive(window);
		int[] out = new int[events.size()];
		for (List<Integer> indexes : byArea(events).values()) {
			long[] times = new long[indexes.size()];
			for (int i = 0; i < times.length; i++) {
				times[i] = nanos(events.get(indexes.get(i)).time());
			}
			long w = window.toNanos();
			int lo = 0;
			int hi = 0;
			for (int i = 0; i < times.length; i++) {
				while (hi + 1 < times.length && times[hi + 1] <= times[i]) {
					hi++;
				}
				while (times[lo] <= times[i] - w) {
					lo++;
				}
				out[indexes.get(i)] = hi - lo + 1;
			}
		}
		return out;
	}

	/**
	 * Events per area in the window ending at {@code asOf}; areas without events in it
	 * are absent.
	 */
	public static Map<String, Integer> countsAt(Collection<AreaEvent> events, Instant asOf, Duration window) {
		requirePositive(window);
		Instant from = asOf.minus(window);
		Map<String, Integer> counts = new TreeMap<>();
		for (AreaEvent e : events) {
			if (e.time().isAfter(from) && !e.time().isAfter(asOf)) {
				counts.merge(e.area(), 1, Integer::sum);
			}
		}
		return counts;
	}

	/** Indexes of the events of each area, sorted by time (stable). */
	static Map<String, List<Integer>> byArea(List<AreaEvent> events) {
		Map<String, List<Integer>> areas = new HashMap<>();
		for (int i = 0; i < events.size(); i++) {
			areas.computeIfAbsent(events.get(i).area(), a -> new ArrayList<>()).add(i);
		}
		for (List<Integer> indexes : areas.values()) {
			indexes.sort((a, b) -> events.get(a).time().compareTo(events.get(b).time()));
		}
		return areas;
	}

	/** Nanoseconds since the epoch; fits a long until the year 2262. */
	static long nanos(Instant t) {
		return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
	}

	static void requirePositive(Duration window) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive: " + window);
		}
	}

}
