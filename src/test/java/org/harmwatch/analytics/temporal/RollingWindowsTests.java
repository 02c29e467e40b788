package org.harmwatch.analytics.temporal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trailing 24-hour and 7-day counts per area, and the "N in 24 hours in one area" spike
 * rule.
 */
class RollingWindowsTests {

	static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

	static AreaEvent at(String area, double hours) {
		return new AreaEvent(area, T0.plusSeconds(Math.round(hours * 3600)));
	}

	@Test
	void trailingCountsAgreeWithCountingEveryPairOnRandomEvents() {
		SplittableRandom random = new SplittableRandom(11);
		List<AreaEvent> events = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			// whole hours over three weeks, so that ties and exact 24-hour gaps occur
			events.add(at("A" + random.nextInt(4), random.nextInt(21 * 24)));
		}
		for (Duration window : List.of(RollingWindows.DAY, RollingWindows.WEEK)) {
			int[] counts = RollingWindows.trailingCounts(events, window);
			for (int i = 0; i < events.size(); i++) {
				AreaEvent e = events.get(i);
				int brute = 0;
				for (AreaEvent other : events) {
					if (other.area().equals(e.area()) && other.time().isAfter(e.time().minus(window))
							&& !other.time().isAfter(e.time())) {
						brute++;
					}
				}
				assertThat(counts[i]).as("event %d, window %s", i, window).isEqualTo(brute);
			}
		}
	}

	@Test
	void aWindowIsHalfOpenAndCountsSimultaneousEventsWhateverTheirOrder() {
		List<AreaEvent> events = List.of(at("W1", 24), at("W1", 0), at("W1", 24), at("W2", 23.5));
		assertThat(RollingWindows.trailingCounts(events, RollingWindows.DAY)).containsExactly(2, 1, 2, 1);
		assertThat(RollingWindows.countsAt(events, T0.plusSeconds(24 * 3600), RollingWindows.DAY))
			.isEqualTo(Map.of("W1", 2, "W2", 1));
		assertThat(RollingWindows.countsAt(events, T0.plusSeconds(23 * 3600), RollingWindows.DAY))
			.isEqualTo(Map.of("W1", 1));
		assertThat(RollingWindows.trailingCounts(List.of(), RollingWindows.WEEK)).isEmpty();
		assertThatThrownBy(() -> RollingWindows.trailingCounts(events, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSpikeRuleFiresOncePerBurstAndAgainForALaterBurst() {
		SpikeRule rule = new SpikeRule(3, RollingWindows.DAY);
		List<AreaEvent> events = List.of(at("W1", 0), at("W1", 5), at("W1", 10), at("W1", 12), at("W1", 20),
				// quiet for two days, then a second burst
				at("W1", 80), at("W1", 81), at("W1", 82),
				// another ward never reaches three in 24 hours
				at("W2", 0), at("W2", 30), at("W2", 60));

		List<SpikeRule.Spike> spikes = rule.spikes(events);

		assertThat(spikes).hasSize(2);
		SpikeRule.Spike first = spikes.get(0);
		assertThat(first.area()).isEqualTo("W1");
		assertThat(first.firstWindow().windowEnd()).isEqualTo(T0.plusSeconds(10 * 3600));
		assertThat(first.firstWindow().windowStart()).isEqualTo(T0.plusSeconds(10 * 3600).minus(RollingWindows.DAY));
		assertThat(first.firstWindow().count()).isEqualTo(3);
		assertThat(first.peakCount()).isEqualTo(5);
		assertThat(first.lastFired()).isEqualTo(T0.plusSeconds(20 * 3600));
		assertThat(spikes.get(1).firstWindow().windowEnd()).isEqualTo(T0.plusSeconds(82 * 3600));
		assertThat(spikes.get(1).peakCount()).isEqualTo(3);
	}

	@Test
	void firingAtListsTheAreasOverTheThresholdNow() {
		SpikeRule rule = new SpikeRule(2, RollingWindows.DAY);
		List<AreaEvent> events = List.of(at("W1", 1), at("W1", 2), at("W2", 3), at("W3", -30), at("W3", 2));
		Instant now = T0.plusSeconds(4 * 3600);

		assertThat(rule.firingAt(events, now))
			.containsExactly(new SpikeRule.WindowCount("W1", now.minus(RollingWindows.DAY), now, 2));
		assertThat(new SpikeRule(1, RollingWindows.WEEK).firingAt(events, now)).hasSize(3);
		assertThatThrownBy(() -> new SpikeRule(0, RollingWindows.DAY)).isInstanceOf(IllegalArgumentException.class);
	}

}
