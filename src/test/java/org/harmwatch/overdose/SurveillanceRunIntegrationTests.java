package org.harmwatch.overdose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.analytics.SurveillanceReport;
import org.harmwatch.analytics.SurveillanceRuns;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The daily surveillance run on the real database: three years of steady overdoses in
 * Walsall and Dudley, then an outbreak in Walsall on the day judged. It raises alarms in
 * Walsall (for all overdoses and for opioids) and none in Dudley, publishes exactly one
 * {@link SpikeDetected} per new alarm (one per class and district: the second method to
 * alarm falls in the quiet period of the first), also when started twice at once, none
 * when run again for the same day, and the page shows the alarms.
 *
 * <p>
 * It judges a day in 2035 so that no other test's overdoses fall in its history.
 */
@HarmwatchIntegrationTest
class SurveillanceRunIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/London");

	/** The run starts the morning after the day it judges. */
	private static final LocalDate DAY = LocalDate.of(2035, 3, 14);

	private static final Instant NOW = DAY.plusDays(1).atTime(6, 30).atZone(ZONE).toInstant();

	private static final int[] PATTERN = { 2, 3, 2, 1, 2, 3, 2 };

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	SurveillanceRuns runs;

	@Autowired
	GeographyManagement geography;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	OverdoseSurveillance surveillance;

	@Test
	void anOutbreakInOneDistrictAlarmsThereOnlyPublishesOneSpikePerNewAlarmAndNoneOnARerun() throws Exception {
		var walsall = district("Walsall");
		var dudley = district("Dudley");
		var source = "survtest-" + UUID.randomUUID();
		var observations = new ArrayList<Observation>();
		var walsallPlace = placeIn(walsall);
		var dudleyPlace = placeIn(dudley);
		int days = 7 * (52 * 3 + 3 + 1) + 60;
		for (int d = 0; d < days; d++) {
			var date = DAY.minusDays(days - 1L - d);
			int steady = PATTERN[(int) Math.floorMod(date.toEpochDay(), 7L)];
			int outbreak = date.equals(DAY) ? 20 : steady;
			add(observations, source, "W", walsallPlace, date, outbreak);
			add(observations, source, "D", dudleyPlace, date, steady);
		}
		for (int from = 0; from < observations.size(); from += 5_000) {
			analytics.observeAll(observations.subList(from, Math.min(observations.size(), from + 5_000)));
		}

		// Started twice at once (two instances, or the schedule and an analyst): one
		// publishes, the other finds its spikes.
		var pool = Executors.newFixedThreadPool(2);
		SurveillanceReport first;
		try {
			var one = pool.submit(() -> runs.runAt(NOW, "coordinator"));
			var other = pool.submit(() -> runs.runAt(NOW, "commissioner"));
			var both = List.of(one.get(), other.get());
			assertThat(both).extracting(report -> report.run().newAlarms()).containsExactlyInAnyOrder(2, 0);
			assertThat(both.get(0).alarms()).hasSameSizeAs(both.get(1).alarms());
			first = both.stream().filter(report -> report.run().newAlarms() > 0).findFirst().orElseThrow();
		}
		finally {
			pool.shutdownNow();
		}
		EventPublications.awaitAllSince(registry, NOW.minusSeconds(1));
		assertThat(first.run().day()).isEqualTo(DAY);
		assertThat(first.alarms()).isNotEmpty()
			.allSatisfy(alarm -> assertThat(alarm.areaCode()).isEqualTo(walsall.code()))
			.allSatisfy(alarm -> assertThat(alarm.periodEnd()).isEqualTo(DAY));
		assertThat(first.alarms()).extracting(SurveillanceReport.Alarm::category)
			.contains("OVERDOSE", "OVERDOSE:OPIOID");
		assertThat(first.alarms()).filteredOn(alarm -> alarm.category().equals("OVERDOSE"))
			.extracting(SurveillanceReport.Alarm::method)
			.contains(AlarmMethod.EARS_C1, AlarmMethod.CUSUM);
		var newOnes = first.alarms().stream().filter(SurveillanceReport.Alarm::isNew).toList();
		assertThat(newOnes).hasSize(2)
			.extracting(SurveillanceReport.Alarm::category)
			.containsExactlyInAnyOrder("OVERDOSE", "OVERDOSE:OPIOID");
		assertThat(first.run().newAlarms()).isEqualTo(2);
		var spikeIds = new HashSet<String>();
		newOnes.forEach(alarm -> spikeIds.add(String.valueOf(alarm.spikeId())));
		assertThat(published()).isEqualTo(spikeIds);
		assertThat(published()).allSatisfy(id -> assertThat(id).isNotEqualTo("null"));

		// Each alarm keeps its method's statistic (EARS's C value, the CUSUM sum), stored
		// and read back as computed.
		assertThat(first.alarms()).allSatisfy(alarm -> assertThat(alarm.statistic()).isFinite().isPositive());
		assertThat(runs.report(first.run().id()).orElseThrow().alarms()).extracting(SurveillanceReport.Alarm::statistic)
			.containsExactlyElementsOf(first.alarms().stream().map(SurveillanceReport.Alarm::statistic).toList());

		var again = runs.runAt(NOW.plusSeconds(60), "coordinator");
		EventPublications.awaitAllSince(registry, NOW.minusSeconds(1));
		assertThat(again.alarms()).hasSameSizeAs(first.alarms());
		assertThat(again.run().newAlarms()).isZero();
		assertThat(again.alarms()).noneMatch(SurveillanceReport.Alarm::isNew);
		assertThat(published()).isEqualTo(spikeIds);

		// The analyst's work queue counts the alarms of today's latest run: the re-run.
		var coordinator = (HarmwatchUser) users.loadUserByUsername("coordinator");
		var startOfToday = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
		assertThat(surveillance.alarmsToday(coordinator, startOfToday)).isEqualTo(again.alarms().size());
		assertThat(surveillance.alarmsToday((HarmwatchUser) users.loadUserByUsername("frontline"), startOfToday))
			.isZero();

		// The page: the run's alarms by district and class, for overdose and analytics
		// readers, police included; not for others.
		var page = mvc
			.perform(get("/overdose/surveillance").param("run", first.run().id().toString())
				.with(user(users.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-lad=\"" + walsall.code() + "\"")
			.contains("data-category=\"OVERDOSE:OPIOID\"")
			.contains("data-method=\"EARS_C1\"")
			.doesNotContain("data-lad=\"" + dudley.code() + "\"")
			.contains("New: signal opened")
			.contains("data-run=\"" + again.run().id() + "\"");
		mvc.perform(get("/overdose/surveillance").param("run", first.run().id().toString())
			.with(user(users.loadUserByUsername("constable")))).andExpect(status().isOk());
		mvc.perform(get("/overdose/surveillance").with(user(users.loadUserByUsername("frontline"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/overdose/surveillance").param("run", UUID.randomUUID().toString())
			.with(user(users.loadUserByUsername("coordinator")))).andExpect(status().isNotFound());
	}

	/** The ids of the spikes published for the judged day, whoever handled them. */
	private Set<String> published() {
		var ids = new HashSet<String>();
		Stream
			.concat(completed.findAll().stream().map(p -> p.getEvent()),
					registry.findIncompletePublications().stream().map(p -> p.getEvent()))
			.filter(SpikeDetected.class::isInstance)
			.map(SpikeDetected.class::cast)
			.filter(spike -> spike.detectedAt().equals(NOW) || spike.detectedAt().equals(NOW.plusSeconds(60)))
			.forEach(spike -> ids.add(spike.id()));
		return ids;
	}

	private Area district(String name) {
		return geography.areas(AreaLevel.LAD).stream().filter(lad -> lad.name().equals(name)).findFirst().orElseThrow();
	}

	/** The centroid of an LSOA of the district that lies in it. */
	private double[] placeIn(Area lad) {
		for (var lsoa : geography.areas(AreaLevel.LSOA, lad.code())) {
			var at = geography.lookup(lsoa.centroid().lat(), lsoa.centroid().lon());
			if (at.isPresent() && at.get().lad().code().equals(lad.code())) {
				return new double[] { lsoa.centroid().lat(), lsoa.centroid().lon() };
			}
		}
		throw new IllegalStateException("no LSOA centroid inside " + lad.name());
	}

	private static void add(ArrayList<Observation> observations, String source, String district, double[] place,
			LocalDate date, int count) {
		for (int i = 0; i < count; i++) {
			var at = date.atTime(12, 0).atZone(ZONE).toInstant().plusSeconds(60L * i);
			var id = district + date + "-" + i;
			observations.add(new Observation(source, id, "OVERDOSE", at, place[0], place[1], 1));
			observations.add(new Observation(source, id + ":OPIOID", "OVERDOSE:OPIOID", at, place[0], place[1], 1));
		}
	}

}
