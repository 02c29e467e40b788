package org.harmwatch.consumptionrooms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A room's evaluation around its site (issue 16 item 8): needle finds and overdoses with
 * a place counted in rings, in the site's opening hours, before and after it opened, with
 * counts under 5 and whatever gives them away withheld; the siting view ranks a
 * district's LSOAs by finds, overdoses and deprivation. The numbers are checked against
 * the seeded data.
 */
@HarmwatchIntegrationTest
class RoomEvaluationIntegrationTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Central Birmingham, away from the other tests' sites. */
	static final double LAT = 52.4797;

	static final double LON = -1.9026;

	static final LocalDate OPENED = LocalDate.of(2022, 6, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoomManagement rooms;

	@Autowired
	RoomEvaluation evaluation;

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	GeographyManagement geography;

	@Autowired
	UserDetailsService users;

	@Autowired
	OverdoseManagement overdoseRecords;

	/** The point {@code metres} north of the site. */
	static double north(double metres) {
		return LAT + Math.toDegrees(metres / 6_371_008.8);
	}

	static LocalDateTime before(int day, int hour) {
		return LocalDateTime.of(2022, 3, day, hour, 15);
	}

	static LocalDateTime after(int day, int hour) {
		return LocalDateTime.of(2022, 9, day, hour, 15);
	}

	void finds(int count, double metres, LocalDateTime at, String status) {
		var found = geography.lookup(north(metres), LON).orElseThrow();
		for (int i = 0; i < count; i++) {
			NeedleMapsIntegrationTests.report(jdbc, found.lad().code(), found.lsoa().code(), north(metres), LON, status,
					at.plusMinutes(i));
		}
	}

	/** Ambulance call-outs, as the overdose module tags them. */
	void overdoses(int count, double metres, LocalDateTime at) {
		overdoses(count, metres, at, RoomEvaluation.AMBULANCE_TAG);
	}

	void overdoses(int count, double metres, LocalDateTime at, @Nullable String tag) {
		for (int i = 0; i < count; i++) {
			analytics.observe(new Observation("evaluation-test", UUID.randomUUID().toString(), "OVERDOSE",
					at.plusMinutes(i).atZone(LONDON).toInstant(), north(metres), LON, 1, tag));
		}
	}

	/** The site, seeded once: open 09:00 to 21:00 from 1 June 2022. */
	synchronized UUID site() {
		var existing = jdbc.sql("SELECT id FROM consumptionrooms.site WHERE name = 'Evaluation test site'")
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		var site = rooms.setSite("BHM-OPC", "Evaluation test site", LAT, LON, 6, "test");
		evaluation.setHours(site, OPENED, LocalTime.of(9, 0), LocalTime.of(21, 0), "test");
		// Needles, 0-250 m: 8 before, 3 after (withheld); outside the hours and nothing
		// found do not count.
		finds(8, 100, before(10, 12), "COLLECTED");
		finds(3, 100, after(10, 12), "OPEN");
		finds(2, 100, before(11, 23), "COLLECTED");
		finds(1, 100, before(12, 12), "NOT_FOUND");
		// 250-500 m: 6 and 6; 500-1000 m: 5 and 10; beyond 1 km: not counted.
		finds(6, 400, before(13, 10), "COLLECTED");
		finds(6, 400, after(13, 10), "COLLECTED");
		finds(5, 800, before(14, 20), "COLLECTED");
		finds(10, 800, after(14, 20), "COLLECTED");
		finds(4, 1500, after(15, 12), "COLLECTED");
		// Overdoses: 10 and 5 within 250 m, 6 and 9 to 500 m, 5 and 5 to 1 km; 3 at
		// night, 2 beyond 1 km.
		overdoses(10, 50, before(10, 11));
		overdoses(5, 50, after(10, 11));
		overdoses(6, 300, before(11, 15));
		overdoses(9, 300, after(11, 15));
		overdoses(5, 900, before(12, 18));
		overdoses(5, 900, after(12, 18));
		overdoses(3, 50, after(13, 2));
		overdoses(2, 1200, after(13, 12));
		// Long before the period compared (6 months each side).
		overdoses(7, 50, LocalDateTime.of(2021, 6, 1, 12, 0));
		// Not ambulance call-outs, inside the inner ring in the opening hours: an
		// emergency department's, the police's, the room's own and one without a tag are
		// not counted.
		overdoses(4, 50, after(16, 12), "EMERGENCY_DEPARTMENT");
		overdoses(6, 50, before(16, 12), "POLICE");
		overdoses(5, 50, after(18, 12), "CONSUMPTION_ROOM");
		overdoses(3, 50, after(17, 12), null);
		return site;
	}

	HarmwatchUser commissioner() {
		return (HarmwatchUser) users.loadUserByUsername("commissioner");
	}

	@Test
	void ringsCountBeforeAndAfterInTheOpeningHoursWithSmallCountsWithheld() {
		var result = evaluation.evaluate(site(), 6, commissioner());
		assertThat(result.beforeFrom()).isEqualTo(LocalDate.of(2021, 11, 30));
		assertThat(result.afterUntil()).isEqualTo(LocalDate.of(2022, 12, 1));
		var rings = result.rings();
		assertThat(rings).extracting(RoomEvaluation.Ring::outerMetres).containsExactly(250, 500, 1000);

		var near = rings.get(0).needles();
		assertThat(near.before().count()).isEqualTo(8);
		assertThat(near.after().suppressed()).isTrue();
		assertThat(near.after().count()).as("a withheld count carries no number").isZero();
		assertThat(near.change()).isNull();
		assertThat(rings.get(1).needles().before().count()).isEqualTo(6);
		assertThat(rings.get(1).needles().after().count()).isEqualTo(6);
		assertThat(rings.get(1).needles().change()).isZero();
		assertThat(rings.get(2).needles().before().count()).isEqualTo(5);
		assertThat(rings.get(2).needles().after().count()).isEqualTo(10);
		assertThat(rings.get(2).needles().change()).isEqualTo(100);
		// The total after would give the withheld ring away (19 - 6 - 10 = 3): withheld
		// too.
		assertThat(result.needlesWithin().before().count()).isEqualTo(19);
		assertThat(result.needlesWithin().after().suppressed()).isTrue();
		assertThat(result.needlesWithin().change()).isNull();
		assertThat(result.densityBefore()).isPositive();
		assertThat(result.densityAfter()).isNull();

		// Ambulance call-outs only: the 6 police and 12 other overdoses in the ring are
		// not among them.
		assertThat(rings.get(0).overdoses().before().count()).isEqualTo(10);
		assertThat(rings.get(0).overdoses().after().count()).isEqualTo(5);
		assertThat(rings.get(0).overdoses().change()).isEqualTo(-50);
		assertThat(rings.get(1).overdoses().change()).isEqualTo(50);
		assertThat(rings.get(2).overdoses().change()).isZero();
		assertThat(result.overdosesWithin().before().count()).isEqualTo(21);
		assertThat(result.overdosesWithin().after().count()).isEqualTo(19);
		assertThat(result.overdosesWithin().change()).isEqualTo(-10);
	}

	@Test
	void thePageShowsTheSameNumbers() throws Exception {
		var site = site();
		var page = mvc.perform(
				get("/rooms/evaluation").param("site", site.toString()).param("months", "6").with(user(commissioner())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cells(page, "250")).containsExactly("8", "fewer than 5", "–", "10", "5", "-50 %");
		assertThat(cells(page, "500")).containsExactly("6", "6", "0 %", "6", "9", "50 %");
		assertThat(cells(page, "all")).containsExactly("19", "fewer than 5", "–", "21", "19", "-10 %");
		assertThat(page).contains("Ambulance call-outs before")
			.contains(
					"Overdoses reported by emergency departments, police, drug services or anyone else are not counted");
	}

	/**
	 * End to end: overdoses recorded through the overdose module near a second site are
	 * counted when the ambulance service reported them, and not when an emergency
	 * department did (the source comes with the observation).
	 */
	@Test
	void callOutsRecordedByTheOverdoseModuleCountAndOtherSourcesDoNot() {
		assertThat(RoomEvaluation.AMBULANCE_TAG).isEqualTo(IncidentSource.AMBULANCE.name());
		var site = secondSite();
		var result = evaluation.evaluate(site, 3, commissioner());
		var inner = result.rings().getFirst().overdoses();
		assertThat(inner.before().count()).isEqualTo(5);
		assertThat(inner.after().count()).isEqualTo(6);
		assertThat(inner.change()).isEqualTo(20);
		assertThat(result.rings().get(1).overdoses().before().suppressed()).isTrue();
		assertThat(result.rings().get(1).overdoses().after().suppressed()).isTrue();
	}

	/**
	 * A second site in Wolverhampton, opened 1 March 2021, with overdoses recorded by a
	 * paramedic through the overdose module: 5 call-outs before and 6 after within 250 m,
	 * and 5 after that an emergency department reported.
	 */
	synchronized UUID secondSite() {
		var existing = jdbc.sql("SELECT id FROM consumptionrooms.site WHERE name = 'Evaluation source test site'")
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		double lat = 52.5790;
		double lon = -2.1150;
		var site = rooms.setSite("BHM-OPC", "Evaluation source test site", lat, lon, 4, "test");
		evaluation.setHours(site, LocalDate.of(2021, 3, 1), LocalTime.of(10, 0), LocalTime.of(18, 0), "test");
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var reference = UUID.randomUUID().toString().substring(0, 8);
		java.util.function.BiConsumer<LocalDateTime, IncidentSource> record = (at, source) -> overdoseRecords.record(
				new IncidentDraft(at.atZone(LONDON).toInstant(), lat + 0.0005, lon, null, false, List.of(), source,
						"EVAL-" + reference + "-" + at + "-" + source, null, null, List.of(), null, null, null),
				paramedic, RecordedVia.API);
		for (int i = 0; i < 5; i++) {
			record.accept(LocalDateTime.of(2021, 2, 10 + i, 12, 0), null);
		}
		for (int i = 0; i < 6; i++) {
			record.accept(LocalDateTime.of(2021, 3, 10 + i, 12, 0), IncidentSource.AMBULANCE);
		}
		for (int i = 0; i < 5; i++) {
			record.accept(LocalDateTime.of(2021, 4, 10 + i, 12, 0), IncidentSource.EMERGENCY_DEPARTMENT);
		}
		return site;
	}

	static java.util.List<String> cells(String page, String ring) {
		var row = Pattern.compile("data-ring=\"" + ring + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("ring " + ring).isTrue();
		var cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group(1));
		var cells = new java.util.ArrayList<String>();
		while (cell.find()) {
			cells.add(cell.group(1));
		}
		return cells;
	}

	@Test
	void theRoomSeesItsOwnSiteAndNobodyElseDoes() throws Exception {
		var site = site();
		mvc.perform(
				get("/rooms/evaluation").param("site", site.toString()).with(user(users.loadUserByUsername("clinic"))))
			.andExpect(status().isOk());
		mvc.perform(get("/rooms/evaluation").param("site", site.toString())
			.with(user(users.loadUserByUsername("constable")))).andExpect(status().isForbidden());
		mvc.perform(
				get("/rooms/evaluation").param("site", site.toString()).with(user(users.loadUserByUsername("sweeper"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/rooms/siting").with(user(users.loadUserByUsername("constable"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/rooms/siting").with(user(users.loadUserByUsername("sweeper"))))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "37", "abc", "-1", "1e3", "<script>", "' OR 1=1", "99999999999999999999" })
	void hostileMonthsAreRefused(String months) throws Exception {
		var response = mvc
			.perform(get("/rooms/evaluation").param("site", site().toString())
				.param("months", months)
				.with(user(commissioner())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Enter a number of months from 1 to 36")
			.doesNotContain("<script>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "00000000-0000-0000-0000-000000000000", "<script>alert(1)</script>",
			"../../etc/passwd" })
	void unknownSitesAreNotFound(String site) throws Exception {
		var response = mvc.perform(get("/rooms/evaluation").param("site", site).with(user(commissioner())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).doesNotContain("<script>alert(1)");
	}

	@Test
	void settingHoursRefusesNonsense() {
		var site = site();
		assertThatThrownBy(() -> evaluation.setHours(site, OPENED, LocalTime.NOON, LocalTime.NOON, "test"))
			.isInstanceOf(InputRejectedException.class);
		assertThatThrownBy(
				() -> evaluation.setHours(UUID.randomUUID(), OPENED, LocalTime.NOON, LocalTime.MIDNIGHT, "test"))
			.isInstanceOf(InputRejectedException.class);
	}

	@Test
	void sitingRanksTheDistrictsLsoasByFindsOverdosesAndDeprivation() throws Exception {
		var lad = "E08000029";
		var lsoas = geography.areas(AreaLevel.LSOA, lad)
			.stream()
			.filter(a -> a.imdDecile() != null)
			.filter(a -> geography.lookup(a.centroid().lat(), a.centroid().lon())
				.map(found -> found.lsoa() != null && found.lsoa().code().equals(a.code()))
				.orElse(false))
			.sorted(Comparator.comparing(Area::imdDecile).thenComparing(Area::code))
			.toList();
		var top = lsoas.get(0);
		var second = lsoas.get(1);
		var third = lsoas.get(2);
		var lastMonth = LocalDate.now(LONDON).withDayOfMonth(1).minusDays(10).atTime(12, 0);
		synchronized (RoomEvaluationIntegrationTests.class) {
			boolean seeded = jdbc.sql("SELECT count(*) FROM consumptionrooms.needle_report WHERE lsoa_code = ?")
				.param(top.code())
				.query(Long.class)
				.single() > 0;
			if (!seeded) {
				for (int i = 0; i < 12; i++) {
					NeedleMapsIntegrationTests.report(jdbc, lad, top.code(), top.centroid().lat(), top.centroid().lon(),
							"COLLECTED", lastMonth.minusHours(i));
				}
				for (int i = 0; i < 3; i++) {
					NeedleMapsIntegrationTests.report(jdbc, lad, second.code(), second.centroid().lat(),
							second.centroid().lon(), "OPEN", lastMonth.minusHours(i));
				}
				for (int i = 0; i < 7; i++) {
					analytics.observe(new Observation("evaluation-test", UUID.randomUUID().toString(), "OVERDOSE",
							lastMonth.minusHours(i).atZone(LONDON).toInstant(), top.centroid().lat(),
							top.centroid().lon(), 1));
				}
				for (int i = 0; i < 6; i++) {
					analytics.observe(new Observation("evaluation-test", UUID.randomUUID().toString(), "OVERDOSE",
							lastMonth.minusHours(i).atZone(LONDON).toInstant(), third.centroid().lat(),
							third.centroid().lon(), 1, RoomEvaluation.AMBULANCE_TAG));
				}
			}
		}
		var siting = evaluation.siting(lad, commissioner());
		assertThat(siting.lsoas()).isEqualTo(geography.areas(AreaLevel.LSOA, lad).size());
		assertThat(siting.areas()).hasSizeLessThanOrEqualTo(RoomEvaluation.SITING_ROWS);
		var first = siting.areas().getFirst();
		assertThat(first.code()).isEqualTo(top.code());
		assertThat(first.needles().count()).isEqualTo(12);
		assertThat(first.overdoses().count()).isEqualTo(7);
		assertThat(first.imdDecile()).isEqualTo(top.imdDecile());
		var next = siting.areas().stream().filter(a -> a.code().equals(second.code())).findFirst().orElseThrow();
		assertThat(next.needles().suppressed()).isTrue();
		assertThat(next.overdoses().suppressed()).isTrue();
		assertThat(next.score()).isLessThan(first.score());

		var page = mvc.perform(get("/rooms/siting").param("lad", lad).with(user(commissioner())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var row = Pattern.compile("data-code=\"" + top.code() + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains(">12</td>").contains(">7</td>");
		var other = Pattern.compile("data-code=\"" + second.code() + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(other.find()).isTrue();
		assertThat(other.group(1)).contains(">fewer than 5</td>").doesNotContain(">3</td>");
		mvc.perform(get("/rooms/siting").param("lad", "<script>").with(user(commissioner())))
			.andExpect(status().is(422));

		// Ambulance call-outs only: the top LSOA's 7 overdoses without a tag are not
		// among them, the third's 6 call-outs are.
		var ambulance = evaluation.siting(lad, true, commissioner());
		assertThat(ambulance.ambulanceOnly()).isTrue();
		assertThat(ambulance.areas()).filteredOn(a -> a.code().equals(top.code()))
			.singleElement()
			.satisfies(a -> assertThat(a.overdoses().suppressed()).isTrue());
		assertThat(ambulance.areas()).filteredOn(a -> a.code().equals(third.code()))
			.singleElement()
			.satisfies(a -> assertThat(a.overdoses().count()).isEqualTo(6));
		var ambulancePage = mvc
			.perform(get("/rooms/siting").param("lad", lad).param("overdoses", "AMBULANCE").with(user(commissioner())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ambulancePage).contains("<option value=\"AMBULANCE\" selected=\"selected\">");
		var thirdRow = Pattern.compile("data-code=\"" + third.code() + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(ambulancePage);
		assertThat(thirdRow.find()).isTrue();
		assertThat(thirdRow.group(1)).contains(">6</td>");
		for (var hostile : List.of("ambulance", "<script>", "ALL'--", "\u00a0AMBULANCE")) {
			var refused = mvc
				.perform(get("/rooms/siting").param("lad", lad).param("overdoses", hostile).with(user(commissioner())))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Choose every overdose or ambulance call-outs only")
				.doesNotContain("<script>");
		}
	}

}
