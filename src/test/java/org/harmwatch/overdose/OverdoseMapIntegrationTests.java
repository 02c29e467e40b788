package org.harmwatch.overdose;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live map and the epidemic curve on the real database: health staff of the owner see
 * the points, police under an agreement only counts per area, anyone else nothing of the
 * owner's; counts per ward and LSOA, the unplaced, and the curve's bars add up to what
 * was recorded; the filters narrow; reads are audited; bad filters get a 422 naming the
 * field.
 */
@HarmwatchIntegrationTest
class OverdoseMapIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Europe/London");

	/** A February no other test records in (a leap year: 29 days). */
	static final LocalDate FIRST = LocalDate.of(2012, 2, 1);

	static final LocalDate LAST = LocalDate.of(2012, 2, 29);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	GeographyManagement geography;

	@Autowired
	SharingManagement sharing;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	static Map<String, Long> byArea(IncidentMap map) {
		return map.areas()
			.stream()
			.collect(Collectors.toMap(IncidentMap.AreaCount::code, IncidentMap.AreaCount::incidents));
	}

	static MapFilter filter(AreaLevel level, MapFilter.Interval interval, Boolean fatal, SubstanceClass substance) {
		return new MapFilter(FIRST, LAST, null, fatal, substance, level, interval);
	}

	@Test
	void pointsForHealthStaffCountsForPoliceAndTheCurveAddsUp() throws Exception {
		var paramedic = staff("paramedic");
		var lsoa = geography.lookup(OverdoseIntegrationTests.LAT, OverdoseIntegrationTests.LON)
			.orElseThrow()
			.lsoa()
			.code();
		var ward = geography.lookup(OverdoseIntegrationTests.LAT, OverdoseIntegrationTests.LON)
			.orElseThrow()
			.ward()
			.code();
		var otherWard = geography.areas(AreaLevel.WARD)
			.stream()
			.filter(w -> !w.code().equals(ward))
			.findFirst()
			.orElseThrow();
		var byWard = filter(AreaLevel.WARD, MapFilter.Interval.DAY, null, null);
		var byLsoa = filter(AreaLevel.LSOA, MapFilter.Interval.WEEK, null, null);
		var wardsBefore = overdoses.map(byWard, paramedic);
		var lsoasBefore = overdoses.map(byLsoa, paramedic);
		var opioidBefore = overdoses.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, null, SubstanceClass.OPIOID),
				paramedic);
		var fatalBefore = overdoses.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, true, null), paramedic);
		var nitazeneBefore = overdoses
			.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, null, SubstanceClass.NITAZENE), paramedic);

		// Two non-fatal heroin overdoses at the point on 3 February, one fatal on the
		// 10th (late evening, still the 10th in London); one named by another ward; one
		// by
		// a postcode district alone.
		var third = FIRST.plusDays(2).atTime(14, 0).atZone(ZONE).toInstant();
		var tenth = FIRST.plusDays(9).atTime(23, 30).atZone(ZONE).toInstant();
		for (var at : List.of(third, third.plusSeconds(600), tenth)) {
			overdoses.record(new IncidentDraft(at, OverdoseIntegrationTests.LAT, OverdoseIntegrationTests.LON, null,
					at.equals(tenth), List.of(), null, "MAP-" + UUID.randomUUID(), null, null, List.of("heroin"), null,
					null, "P-" + UUID.randomUUID()), paramedic, RecordedVia.API);
		}
		overdoses.record(IncidentDraft.minimal(third, null, null, otherWard.code(), false, List.of()), paramedic,
				RecordedVia.API);
		overdoses.record(IncidentDraft.minimal(third, null, null, "B12", false, List.of()), paramedic, RecordedVia.API);

		var wards = overdoses.map(byWard, paramedic);
		assertThat(wards.total() - wardsBefore.total()).isEqualTo(5);
		assertThat(wards.fatal() - wardsBefore.fatal()).isEqualTo(1);
		assertThat(wards.points().size() - wardsBefore.points().size()).isEqualTo(3);
		assertThat(wards.points()).contains(
				new IncidentMap.Point(OverdoseIntegrationTests.LAT, OverdoseIntegrationTests.LON, true),
				new IncidentMap.Point(OverdoseIntegrationTests.LAT, OverdoseIntegrationTests.LON, false));
		assertThat(byArea(wards).get(ward) - byArea(wardsBefore).getOrDefault(ward, 0L)).isEqualTo(3);
		assertThat(byArea(wards).get(otherWard.code()) - byArea(wardsBefore).getOrDefault(otherWard.code(), 0L))
			.isEqualTo(1);
		assertThat(wards.unplaced() - wardsBefore.unplaced()).isEqualTo(1);
		assertThat(wards.vintage()).isEqualTo(geography.vintage(AreaLevel.WARD)).isNotEmpty();
		// Counts per area and the unplaced add up to the total; so do the curve's bars.
		assertThat(wards.areas().stream().mapToLong(IncidentMap.AreaCount::incidents).sum() + wards.unplaced())
			.isEqualTo(wards.total());
		assertThat(wards.curve()).hasSize(29);
		assertThat(wards.curve().stream().mapToLong(IncidentMap.Bar::total).sum()).isEqualTo(wards.total());
		var day3 = wards.curve().get(2);
		var day3Before = wardsBefore.curve().get(2);
		assertThat(day3.start()).isEqualTo(FIRST.plusDays(2));
		assertThat(day3.nonFatal() - day3Before.nonFatal()).isEqualTo(4);
		assertThat(wards.curve().get(9).fatal() - wardsBefore.curve().get(9).fatal()).isEqualTo(1);

		// By hour and day of the week (local time): 3 February 2012 was a Friday.
		var friday = wards.hours().get(4);
		var fridayBefore = wardsBefore.hours().get(4);
		assertThat(friday.day()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(friday.counts()).hasSize(24);
		assertThat(friday.counts().get(14) - fridayBefore.counts().get(14)).isEqualTo(4);
		assertThat(friday.counts().get(23) - fridayBefore.counts().get(23)).isEqualTo(1);
		assertThat(wards.hours().stream().mapToLong(IncidentMap.DayHours::total).sum()).isEqualTo(wards.total());

		// By LSOA and week: the ward-named incident is in no LSOA; weeks run Monday to
		// Sunday, the first cut at 1 February (a Wednesday).
		var lsoas = overdoses.map(byLsoa, paramedic);
		assertThat(byArea(lsoas).get(lsoa) - byArea(lsoasBefore).getOrDefault(lsoa, 0L)).isEqualTo(3);
		assertThat(lsoas.unplaced() - lsoasBefore.unplaced()).isEqualTo(2);
		assertThat(lsoas.curve()).hasSize(5);
		assertThat(lsoas.curve().get(0).start()).isEqualTo(FIRST);
		assertThat(lsoas.curve().get(0).end()).isEqualTo(LocalDate.of(2012, 2, 5));
		assertThat(lsoas.curve().get(4).end()).isEqualTo(LAST);
		assertThat(lsoas.curve().get(0).total() - lsoasBefore.curve().get(0).total()).isEqualTo(4);
		assertThat(lsoas.curve().stream().mapToLong(IncidentMap.Bar::total).sum()).isEqualTo(lsoas.total());

		// Filters: an opioid class finds the heroin (its lineage), a nitazene does not.
		assertThat(overdoses.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, null, SubstanceClass.OPIOID), paramedic)
			.total() - opioidBefore.total()).isEqualTo(3);
		assertThat(
				overdoses.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, null, SubstanceClass.NITAZENE), paramedic)
					.total())
			.isEqualTo(nitazeneBefore.total());
		assertThat(overdoses.map(filter(AreaLevel.WARD, MapFilter.Interval.DAY, true, null), paramedic).total()
				- fatalBefore.total())
			.isEqualTo(1);

		var api = "/api/overdose/map?from=" + FIRST + "&to=" + LAST;
		// Police without an agreement: none of the ambulance service's incidents.
		var constableBefore = JsonPath.<Integer>read(mvc.perform(get(api).with(as("constable")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.total");
		var agreement = sharing.record(new SharingManagement.Draft("DSA-MAP-" + UUID.randomUUID(), "WMAS", "WMP",
				Capability.OVERDOSE, Action.READ, Purpose.POLICING, "Crime and Disorder Act 1998 s.17",
				LocalDate.now().minusDays(1), null), "admin");
		try {
			var body = mvc.perform(get(api).with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.points").isEmpty())
				.andExpect(jsonPath("$.level").value("ward"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain(String.valueOf(OverdoseIntegrationTests.LAT))
				.doesNotContain(String.valueOf(Math.round(OverdoseIntegrationTests.LAT * 100_000)))
				.doesNotContain(String.valueOf(OverdoseIntegrationTests.LON))
				.doesNotContain("P-");
			assertThat(JsonPath.<Integer>read(body, "$.total")).isGreaterThanOrEqualTo(constableBefore + 5);
			List<Integer> inWard = JsonPath.read(body, "$.areas[?(@.code == '" + ward + "')].incidents");
			assertThat(inWard).singleElement().satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3));
			mvc.perform(get("/overdose/map").param("from", FIRST.toString())
				.param("to", LAST.toString())
				.with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("curve-chart")))
				.andExpect(content().string(containsString("exact points are shown only")))
				.andExpect(content().string(not(containsString(String.valueOf(OverdoseIntegrationTests.LAT)))));
		}
		finally {
			sharing.end(agreement.id(), "admin");
		}
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'OVERDOSE_MAP_READ' AND actor = 'constable'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);

		// The owner's health staff: the points, in the JSON and the page's tables.
		mvc.perform(get(api).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points.length()").value(greaterThanOrEqualTo(9)))
			.andExpect(content()
				.string(containsString(String.valueOf(Math.round(OverdoseIntegrationTests.LAT * 100_000)))));
		mvc.perform(get("/overdose/map").param("from", FIRST.toString())
			.param("to", LAST.toString())
			.param("interval", "week")
			.with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(otherWard.name())))
			.andExpect(content().string(containsString("1 Feb – 5 Feb 2012")))
			.andExpect(content().string(containsString("Overdoses by hour and day of the week")));
	}

	@Test
	void badFiltersAreNamedAndAnswered422() throws Exception {
		for (var bad : List.<Function<String, String[]>>of(x -> new String[] { "from", "yesterday" },
				x -> new String[] { "to", "2012-13-01" }, x -> new String[] { "level", "msoa" },
				x -> new String[] { "interval", "fortnight" }, x -> new String[] { "fatal", "maybe" },
				x -> new String[] { "substanceClass", "sugar" }, x -> new String[] { "ladCode", "E99999999" })) {
			var pair = bad.apply("");
			mvc.perform(get("/api/overdose/map").param(pair[0], pair[1]).with(as("paramedic")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(pair[0]));
			mvc.perform(get("/overdose/map").param(pair[0], pair[1]).with(as("paramedic")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("govuk-error-summary")));
		}
		mvc.perform(
				get("/api/overdose/map").param("from", "2012-02-10").param("to", "2012-02-01").with(as("paramedic")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/overdose/map").param("from", "2000-01-01").param("to", "2012-02-01").with(as("paramedic")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("choose a shorter period")));
		// No filter at all: the last four weeks.
		mvc.perform(get("/api/overdose/map").with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.curve.length()").value(28));
	}

}
