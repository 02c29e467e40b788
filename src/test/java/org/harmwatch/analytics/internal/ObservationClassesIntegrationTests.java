package org.harmwatch.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsObservations;
import org.harmwatch.analytics.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An observation carrying classes (one row: {@code X} with classes {@code A, B}) reads
 * exactly as the rows it replaces ({@code X}, {@code X:A}, {@code X:B}) for every reader:
 * the spike detector's events, the surveillance run's daily and LSOA sums, and the
 * evaluations' counts near a point and per LSOA. The same events are recorded both ways,
 * under two categories, and every answer is compared.
 */
@HarmwatchIntegrationTest
class ObservationClassesIntegrationTests {

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	AnalyticsObservations observations;

	@Autowired
	ObservationRepository repository;

	@Autowired
	SurveillanceRepository runs;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	static final ZoneId ZONE = ZoneId.of("Europe/London");

	@Test
	void oneRowWithClassesReadsAsOneRowPerCategory() {
		var tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		var carried = "CARRIED" + tag;
		var spread = "SPREAD" + tag;
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var events = List.of(
				new Event(now.minus(Duration.ofHours(3)), 52.4797, -1.9027, 1, List.of("A", "B"), "AMBULANCE"),
				new Event(now.minus(Duration.ofDays(2)), 52.4862, -1.8904, 2, List.of("A"), null),
				new Event(now.minus(Duration.ofDays(2)), 52.5862, -2.1288, 1, List.of(), "AMBULANCE"),
				new Event(now.minus(Duration.ofDays(9)), 52.4081, -1.5106, 1, List.of("B"), "POLICE"));
		var carriedRows = new ArrayList<Observation>();
		var spreadRows = new ArrayList<Observation>();
		for (int i = 0; i < events.size(); i++) {
			var e = events.get(i);
			carriedRows.add(new Observation("classes-test", carried + i, carried, e.at(), e.lat(), e.lon(), e.weight(),
					e.tag(), e.classes()));
			spreadRows.add(
					new Observation("classes-test", spread + i, spread, e.at(), e.lat(), e.lon(), e.weight(), e.tag()));
			for (var c : e.classes()) {
				spreadRows.add(new Observation("classes-test", spread + i + ":" + c, spread + ":" + c, e.at(), e.lat(),
						e.lon(), e.weight(), e.tag()));
			}
		}
		// One by one and in a batch, as the overdose module records them.
		analytics.observe(carriedRows.get(0));
		transactions.executeWithoutResult(tx -> analytics.observeAll(carriedRows.subList(1, carriedRows.size())));
		spreadRows.forEach(analytics::observe);
		assertThat(jdbc.sql("SELECT count(*) FROM analytics.observation WHERE category = ?")
			.param(carried)
			.query(Long.class)
			.single()).isEqualTo(4);

		var from = now.minus(Duration.ofDays(30));
		var until = now.plus(Duration.ofHours(1));
		assertThat(located(repository.since(from), carried)).isEqualTo(located(repository.since(from), spread))
			.hasSize(4 + 4);
		assertThat(days(runs.dailyCounts(carried, from, until, ZONE), carried))
			.isEqualTo(days(runs.dailyCounts(spread, from, until, ZONE), spread))
			.isNotEmpty();
		for (var category : List.of("", ":A", ":B", ":C")) {
			assertThat(runs.lsoaCounts(carried + category, from, until)).as(category)
				.isEqualTo(runs.lsoaCounts(spread + category, from, until));
			assertThat(observations.perLsoa(carried + category, null, null, from, until)).as(category)
				.isEqualTo(observations.perLsoa(spread + category, null, null, from, until));
			assertThat(observations.perLsoa(carried + category, "AMBULANCE", null, from, until)).as(category)
				.isEqualTo(observations.perLsoa(spread + category, "AMBULANCE", null, from, until));
			assertThat(observations.near(carried + category, 52.48, -1.90, 5_000, from, until)).as(category)
				.isEqualTo(observations.near(spread + category, 52.48, -1.90, 5_000, from, until));
		}
		assertThat(
				observations.perLsoa(carried + ":A", null, null, from, until).values().stream().mapToLong(n -> n).sum())
			.isEqualTo(3);
	}

	record Event(Instant at, double lat, double lon, int weight, List<String> classes, String tag) {
	}

	/** The events of one test's categories, the test's own prefix dropped, sorted. */
	static List<String> located(List<ObservationRepository.Located> all, String prefix) {
		return all.stream()
			.filter(l -> l.category().equals(prefix) || l.category().startsWith(prefix + ":"))
			.map(l -> l.category().substring(prefix.length()) + " " + l.occurredAt() + " " + l.ladCode() + " "
					+ l.wardCode() + " " + l.lsoaCode() + " " + l.weight())
			.sorted()
			.toList();
	}

	static List<String> days(List<SurveillanceRepository.DayCount> counts, String prefix) {
		return counts.stream()
			.map(c -> c.category().substring(prefix.length()) + " " + c.ladCode() + " " + c.day() + " " + c.count())
			.sorted()
			.toList();
	}

}
