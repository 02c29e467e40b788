package org.harmwatch.analytics.temporal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ODMAP-style spike rule: at least {@code threshold} events in one area within a
 * trailing {@code window} (for example 3 overdoses in 24 hours in a ward).
 *
 * <p>
 * Windows are half-open, (end - window, end], as in {@link RollingWindows}. Over a
 * history the rule is evaluated at every event; consecutive firing evaluations whose
 * windows share events form one {@link Spike}, so a burst raises one spike, not one per
 * event. Suppressing repeat alerts for the same area over a quiet period is the caller's
 * job.
 *
 * @param threshold events needed (at least 1)
 * @param window trailing window length
 */
public record SpikeRule(int threshold, Duration window) {

	public SpikeRule {
		Objects.requireNonNull(window, "window");
		RollingWindows.requirePositive(window);
		if (threshold < 1) {
			throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
		}
	}

	/**
	 * The count in one area's window.
	 *
	 * @param area area code
	 * @param windowStart exclusive start
	 * @param windowEnd inclusive end
	 * @param count events in the window
	 */
	public record WindowCount(String area, Instant windowStart, Instant windowEnd, int count) {
	}

	/**
	 * One episode of the rule firing in an area.
	 *
	 * @param area area code
	 * @param firstWindow the window in which the rule first fired (ends at the event that
	 * tipped it over)
	 * @param lastFired the last event of the episode at which the rule still held
	 * @param peakCount the largest window count during the episode
	 */
	public record Spike(String area, WindowCount firstWindow, Instant lastFired, int peakCount) {
	}

	/** Areas where the rule holds for the window ending at {@code asOf}, by area code. */
	public List<WindowCount> firingAt(Collection<AreaEvent> events, Instant asOf) {
		List<WindowCount> out = new ArrayList<>();
		for (Map.Entry<String, Integer> e : RollingWindows.countsAt(events, asOf, this.window).entrySet()) {
			if (e.getValue() >= this.threshold) {
				out.add(new WindowCount(e.getKey(), asOf.minus(this.window), asOf, e.getValue()));
			}
		}
		return out;
	}

	/** Every spike over the history, ordered by the time it first fired, then area. */
	public List<Spike> spikes(List<AreaEvent> events) {
		int[] counts = RollingWindows.trailingCounts(events, this.window);
		long w = this.window.toNanos();
		List<Spike> out = new ArrayList<>();
		for (List<Integer> indexes : RollingWindows.byArea(events).values()) {
			String area = events.get(indexes.get(0)).area();
			WindowCount first = null;
			Instant last = null;
			int peak = 0;
			long previousTime = Long.MIN_VALUE;
			boolean previousFiring = false;
			for (int i : indexes) {
				Instant t = events.get(i).time();
				long tn = RollingWindows.nanos(t);
				boolean firing = counts[i] >= this.threshold;
				if (firing) {
					boolean continues = previousFiring && tn - w < previousTime; // the
																					// windows
																					// share
																					// the
																					// previous
																					// event
					if (!continues) {
						if (first != null) {
							out.add(new Spike(area, first, last, peak));
						}
						first = new WindowCount(area, t.minus(this.window), t, counts[i]);
						peak = 0;
					}
					last = t;
					peak = Math.max(peak, counts[i]);
				}
				previousFiring = firing;
				previousTime = tn;
			}
			if (first != null) {
				out.add(new Spike(area, first, last, peak));
			}
		}
		out.sort(Comparator.comparing((Spike s) -> s.firstWindow().windowEnd()).thenComparing(Spike::area));
		return out;
	}

}
