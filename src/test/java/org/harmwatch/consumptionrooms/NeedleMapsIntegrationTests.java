package org.harmwatch.consumptionrooms;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Needle maps (issue 16 item 12): the public ward map and its CSV agree, withhold counts
 * under 5 and show no point or total; the staff map counts finds by year and draws the
 * heatmap and hotspots from the analytics engine; hostile parameters get a 4xx.
 */
@HarmwatchIntegrationTest
class NeedleMapsIntegrationTests {

	/** A year no other test reports in. */
	static final int YEAR = 2021;

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GeographyManagement geography;

	@Autowired
	NeedleMaps maps;

	@Autowired
	UserDetailsService users;

	/** Inserts a report as a council's system would have it years ago. */
	static void report(JdbcClient jdbc, String ladCode, String lsoaCode, double lat, double lon, String status,
			LocalDateTime at) {
		jdbc.sql("""
				INSERT INTO consumptionrooms.needle_report (id, owner_agency, channel, lat, lon, lad_code, lsoa_code,
				  status, reported_at, updated_at)
				VALUES (?, 'COV-ENV', 'WEB', ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), lat, lon, ladCode, lsoaCode, status,
					Timestamp.from(at.atZone(LONDON).toInstant()), Timestamp.from(at.atZone(LONDON).toInstant()))
			.update();
	}

	/**
	 * Three LSOAs of Coventry in three different wards, seeded once with 7, 4 and 5
	 * finds.
	 */
	synchronized List<Area> seeded() {
		var lsoas = geography.areas(AreaLevel.LSOA, "E08000026");
		var byWard = new LinkedHashMap<String, Area>();
		for (var lsoa : lsoas) {
			if (lsoa.wardCode() != null) {
				byWard.putIfAbsent(lsoa.wardCode(), lsoa);
			}
		}
		var chosen = new ArrayList<>(byWard.values()).subList(0, 3);
		boolean already = jdbc
			.sql("SELECT count(*) FROM consumptionrooms.needle_report WHERE lsoa_code = ? "
					+ "AND reported_at >= '2021-01-01' AND reported_at < '2022-01-01'")
			.param(chosen.getFirst().code())
			.query(Long.class)
			.single() > 0;
		if (!already) {
			int[] finds = { 7, 4, 5 };
			for (int i = 0; i < 3; i++) {
				var lsoa = chosen.get(i);
				for (int n = 0; n < finds[i]; n++) {
					report(jdbc, lsoa.ladCode(), lsoa.code(), lsoa.centroid().lat(), lsoa.centroid().lon(),
							n % 2 == 0 ? "COLLECTED" : "OPEN", LocalDateTime.of(YEAR, 3 + n, 10, 14, 0));
				}
				// Nothing found at the place: not a find.
				report(jdbc, lsoa.ladCode(), lsoa.code(), lsoa.centroid().lat(), lsoa.centroid().lon(), "NOT_FOUND",
						LocalDateTime.of(YEAR, 6, 1, 9, 0));
			}
			// A report of the year before and one of the new year's day just past
			// midnight.
			report(jdbc, chosen.get(1).ladCode(), chosen.get(1).code(), chosen.get(1).centroid().lat(),
					chosen.get(1).centroid().lon(), "OPEN", LocalDateTime.of(YEAR - 1, 12, 31, 23, 30));
			report(jdbc, chosen.get(1).ladCode(), chosen.get(1).code(), chosen.get(1).centroid().lat(),
					chosen.get(1).centroid().lon(), "OPEN", LocalDateTime.of(YEAR + 1, 1, 1, 0, 30));
		}
		return chosen;
	}

	@Test
	void thePublicMapAndItsDownloadAgreeAndWithholdCountsUnderFive() throws Exception {
		var chosen = seeded();
		var page = mvc.perform(get("/needles/public-map").param("year", String.valueOf(YEAR)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var csv = mvc.perform(get("/needles/public-map.csv").param("year", String.valueOf(YEAR)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var shown = new HashMap<String, String>();
		var row = Pattern.compile(
				"<tr class=\"govuk-table__row\" data-code=\"([^\"]+)\">.*?govuk-table__cell--numeric\">([^<]*)</td>",
				Pattern.DOTALL);
		var matcher = row.matcher(page);
		while (matcher.find()) {
			shown.put(matcher.group(1), matcher.group(2));
		}
		var rows = CsvReader.read(csv).stream().filter(r -> !r.blank()).map(CsvReader.Row::fields).toList();
		assertThat(rows.getFirst()).containsExactly("year", "ward_code", "ward_name", "lad_name", "finds", "withheld");
		var downloaded = new HashMap<String, List<String>>();
		rows.subList(1, rows.size()).forEach(r -> downloaded.put(r.get(1), r));

		var wards = geography.areas(AreaLevel.WARD);
		assertThat(shown).hasSize(wards.size());
		assertThat(downloaded).as("one row per ward, no total").hasSize(wards.size());
		assertThat(downloaded.keySet()).isEqualTo(shown.keySet());

		var a = chosen.get(0).wardCode();
		var b = chosen.get(1).wardCode();
		var c = chosen.get(2).wardCode();
		assertThat(shown.get(a)).isEqualTo("7");
		assertThat(shown.get(b)).isEqualTo("fewer than 5");
		assertThat(shown.get(c)).isEqualTo("5");
		assertThat(downloaded.get(a).subList(4, 6)).containsExactly("7", "false");
		assertThat(downloaded.get(b).subList(4, 6)).containsExactly("", "true");
		assertThat(downloaded.get(c).subList(4, 6)).containsExactly("5", "false");
		// The page and the download agree on every ward, and neither has a count under 5.
		for (var ward : shown.keySet()) {
			var cells = downloaded.get(ward);
			assertThat(shown.get(ward)).isEqualTo("true".equals(cells.get(5)) ? "fewer than 5" : cells.get(4));
			if (!cells.get(4).isEmpty()) {
				assertThat(Long.parseLong(cells.get(4))).isGreaterThanOrEqualTo(5);
			}
		}
		// No point of a report, and the map's data says nothing the table does not.
		var centroid = String.format("%.4f", chosen.get(1).centroid().lat());
		assertThat(page).doesNotContain(centroid).doesNotContain("data-cells");
		assertThat(page).contains("&quot;" + b + "&quot;:null").contains("&quot;" + a + "&quot;:7");
		assertThat(csv).doesNotContain(centroid);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "abc", "1999", "2999", "' OR 1=1 --", "<script>alert(1)</script>", "２０２１", "-2021", "20210" })
	void hostileYearsAreRefused(String year) throws Exception {
		for (var path : List.of("/needles/public-map", "/needles/public-map.csv")) {
			var response = mvc.perform(get(path).param("year", year)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path + "?year=" + year).isBetween(400, 499);
			assertThat(response.getContentAsString()).doesNotContain("<script>alert(1)");
		}
		var commissioner = users.loadUserByUsername("commissioner");
		var response = mvc.perform(get("/needles/maps").param("year", year).with(user(commissioner)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isBetween(400, 499);
	}

	@ParameterizedTest
	@ValueSource(strings = { "E08999999", "E02000001", "<b>x</b>", "E0800002'6",
			"E080000260000000000000000000000000000000000000000000000000000000000000000" })
	void hostileDistrictsAreRefused(String lad) throws Exception {
		var commissioner = users.loadUserByUsername("commissioner");
		var response = mvc.perform(get("/needles/maps").param("lad", lad).with(user(commissioner)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Choose a district of the region")
			.doesNotContain("<b>x</b>");
	}

	@Test
	void theStaffMapCountsFindsByYearWithAHeatmapAndHotspots() throws Exception {
		var chosen = seeded();
		var commissioner = users.loadUserByUsername("commissioner");
		var page = mvc
			.perform(get("/needles/maps").param("year", String.valueOf(YEAR))
				.param("lad", "e08000026")
				.with(user(commissioner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Density of the 16 finds");
		var byYear = Pattern.compile(">" + YEAR + "</a></th>\\s*<td[^>]*>(\\d+)</td>").matcher(page);
		assertThat(byYear.find()).isTrue();
		assertThat(byYear.group(1)).isEqualTo("16");
		var before = Pattern.compile(">" + (YEAR - 1) + "</a></th>\\s*<td[^>]*>(\\d+)</td>").matcher(page);
		assertThat(before.find()).isTrue();
		assertThat(Long.parseLong(before.group(1))).isGreaterThanOrEqualTo(1);

		var map = maps.staffMap(YEAR, "E08000026", (org.harmwatch.platform.HarmwatchUser) commissioner);
		assertThat(map.finds()).isEqualTo(16);
		assertThat(map.cells()).isNotEmpty();
		assertThat(map.maxPerKm2()).isPositive();
		// The densest cell lies at one of the seeded places: the heatmap is of these
		// finds.
		var densest = map.cells().stream().max(java.util.Comparator.comparingDouble(NeedleMaps.Cell::perKm2)).get();
		double lat = (densest.south() + densest.north()) / 2;
		double lon = (densest.west() + densest.east()) / 2;
		assertThat(chosen.stream()
			.anyMatch(a -> Math.abs(a.centroid().lat() - lat) < 0.01 && Math.abs(a.centroid().lon() - lon) < 0.015))
			.isTrue();
		assertThat(map.hotspotsTested()).isTrue();
		// Hotspots are LSOAs of Coventry; the LSOA with the most finds is never a cold
		// spot.
		assertThat(map.hot()).allMatch(h -> h.code().startsWith("E01"));
		assertThat(map.cold()).noneMatch(h -> h.code().equals(chosen.getFirst().code()));
		assertThat(page).contains("id=\"needle-heatmap\"").contains("data-cells=\"[[");
	}

	@Test
	void policeAndRoomStaffGetNoNeedleMap() throws Exception {
		mvc.perform(get("/needles/maps").with(user(users.loadUserByUsername("constable"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/needles/maps").with(user(users.loadUserByUsername("clinic"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/needles/maps").with(user(users.loadUserByUsername("sweeper")))).andExpect(status().isOk());
	}

	@Test
	void aYearWithNoFindsWithholdsEveryWard() throws Exception {
		var map = maps.publicMap(2003);
		assertThat(map.areas()).isNotEmpty().allMatch(NeedleMaps.PublicArea::withheld);
	}

}
