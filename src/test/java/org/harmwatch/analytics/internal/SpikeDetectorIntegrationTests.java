package org.harmwatch.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spike detector over observations stored in PostgreSQL: an ODMAP-style burst in one
 * ward raises one spike and one event, the quiet period holds back a second, and the scan
 * finds a cluster the rule is not set for.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class SpikeDetectorIntegrationTests {

	static final double LADYWOOD_LAT = 52.4797;

	static final double LADYWOOD_LON = -1.9027;

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	SpikeDetector detector;

	@Autowired
	GeographyManagement geography;

	@Autowired
	ApplicationEvents events;

	final Instant now = Instant.now();

	@Test
	void threeOverdosesInAWardWithinADayRaiseOneSpikeThenQuiet() {
		var category = "OVERDOSE-" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			assertThat(analytics.observe(new Observation("test", category + i, category,
					now.minus(Duration.ofHours(6 - i)), LADYWOOD_LAT + i * 0.0005, LADYWOOD_LON, 1)))
				.isTrue();
		}
		// The same report again is stored once.
		assertThat(analytics.observe(new Observation("test", category + 0, category, now.minus(Duration.ofHours(6)),
				LADYWOOD_LAT, LADYWOOD_LON, 1)))
			.isFalse();

		var found = detector.detect(now).stream().filter(s -> s.category().equals(category)).toList();
		assertThat(found).hasSize(1);
		var spike = found.get(0);
		var ward = geography.lookup(LADYWOOD_LAT, LADYWOOD_LON).orElseThrow().ward();
		assertThat(spike.method()).isEqualTo("RULE");
		assertThat(spike.areaLevel()).isEqualTo("ward");
		assertThat(spike.areaCode()).isEqualTo(ward.code());
		assertThat(spike.areaName()).isEqualTo(ward.name());
		assertThat(spike.observed()).isEqualTo(3);
		assertThat(events.stream(SpikeDetected.class).filter(e -> e.id().equals(spike.id()))).hasSize(1);
		assertThat(analytics.recentSpikes(500)).extracting(SpikeDetected::id).contains(spike.id());

		// A fourth overdose an hour later is within the quiet period: no second alert for
		// the ward.
		analytics.observe(new Observation("test", category + 3, category, now.plus(Duration.ofHours(1)), LADYWOOD_LAT,
				LADYWOOD_LON, 1));
		assertThat(
				detector.detect(now.plus(Duration.ofMinutes(90))).stream().filter(s -> s.category().equals(category)))
			.isEmpty();
	}

	@Test
	void twoOverdosesAreNotASpike() {
		var category = "OVERDOSE-" + System.nanoTime();
		analytics.observe(new Observation("test", category + "a", category, now.minus(Duration.ofHours(2)),
				LADYWOOD_LAT, LADYWOOD_LON, 1));
		analytics.observe(new Observation("test", category + "b", category, now.minus(Duration.ofHours(1)),
				LADYWOOD_LAT, LADYWOOD_LON, 1));
		assertThat(detector.detect(now).stream().filter(s -> s.category().equals(category))).isEmpty();
	}

	@Test
	void theScanFindsAClusterOfNeedleFindsAcrossNeighbouringWards() {
		var category = "NEEDLES-" + System.nanoTime();
		var wards = geography.areas(AreaLevel.WARD);
		var random = new Random(17);
		int id = 0;
		// Eight weeks of scattered finds across the region, one every few days somewhere.
		for (int day = 56; day >= 1; day--) {
			for (int k = 0; k < 3; k++) {
				var ward = wards.get(random.nextInt(wards.size()));
				analytics.observe(new Observation("test", category + id++, category, now.minus(Duration.ofDays(day)),
						ward.centroid().lat(), ward.centroid().lon(), 1));
			}
		}
		// Then, in the last two days, two finds a day in each of a few neighbouring
		// wards: none reaches the rule's
		// three in 24 hours in one ward, but together they are a space-time cluster.
		var centre = geography.lookup(LADYWOOD_LAT, LADYWOOD_LON).orElseThrow().ward().code();
		var cluster = new java.util.ArrayList<>(geography.neighbours(centre));
		cluster.add(centre);
		for (var code : cluster) {
			var c = geography.centroid(code).orElseThrow();
			for (int hours : new int[] { 40, 12 }) {
				analytics.observe(new Observation("test", category + id++, category, now.minus(Duration.ofHours(hours)),
						c.lat(), c.lon(), 1));
			}
		}
		var found = detector.detect(now).stream().filter(s -> s.category().equals(category)).toList();
		assertThat(found).filteredOn(s -> s.method().equals("SCAN")).isNotEmpty().allSatisfy(spike -> {
			assertThat(spike.pValue()).isLessThanOrEqualTo(0.01);
			assertThat(spike.areaCodes()).containsAnyElementsOf(cluster);
		});
		assertThat(found).filteredOn(s -> s.method().equals("RULE")).isEmpty();
	}

}
