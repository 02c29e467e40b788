package org.harmwatch.overdose;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published table, with no one signed in: a district's count of 7 is shown with its
 * rate, a count of 3 is withheld, and so are the totals that would give it away; the CSV
 * and JSON say exactly what the page says; bad months are a 4xx.
 */
@HarmwatchIntegrationTest
class OverdoseStatisticsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	GeographyManagement geography;

	@Autowired
	UserDetailsService users;

	@Test
	void countsUnderFiveAndTheTotalsThatWouldGiveThemAwayAreWithheldEverywhere() throws Exception {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var districts = geography.areas(AreaLevel.LAD).stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
		Area seven = districts.get(0);
		Area three = districts.get(1);
		var zone = ZoneId.of("Europe/London");
		// February 2003: no other test records then.
		for (int i = 0; i < 7; i++) {
			overdoses.record(IncidentDraft.minimal(LocalDateTime.of(2003, 2, 1 + i, 22, 0).atZone(zone).toInstant(),
					null, null, seven.code(), i == 0, List.of()), paramedic, RecordedVia.API);
		}
		for (int i = 0; i < 3; i++) {
			overdoses.record(IncidentDraft.minimal(LocalDateTime.of(2003, 2, 10 + i, 3, 0).atZone(zone).toInstant(),
					null, null, three.code(), false, List.of()), paramedic, RecordedVia.API);
		}
		var query = "?from=2003-01&to=2003-03";
		var json = mvc.perform(get("/overdose/statistics.json" + query))
			.andExpect(status().isOk())
			.andExpect(header().string("Link", containsString("open-government-licence")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = "$.table.rows[?(@.ladCode == '%s')]";
		assertThat(JsonPath.<List<Integer>>read(json, row.formatted(seven.code()) + ".cells[1].count"))
			.containsExactly(7);
		assertThat(JsonPath.<List<Double>>read(json, row.formatted(seven.code()) + ".cells[1].rate")).hasSize(1);
		assertThat(JsonPath.<List<Boolean>>read(json, row.formatted(three.code()) + ".cells[1].suppressed"))
			.containsExactly(true);
		// A withheld cell has no count, rate or interval at all.
		assertThat(JsonPath.<List<Object>>read(json, row.formatted(three.code()) + ".cells[1].count")).isEmpty();
		assertThat(JsonPath.<List<Object>>read(json, row.formatted(three.code()) + ".cells[1].rate")).isEmpty();
		// January: nobody, and withheld too (a blank never means none).
		assertThat(JsonPath.<List<Boolean>>read(json, row.formatted(seven.code()) + ".cells[0].suppressed"))
			.containsExactly(true);
		// Seven's total is withheld too: its January and March are; and so is the
		// region's February, which would be 7 + 3.
		assertThat(JsonPath.<List<Boolean>>read(json, row.formatted(seven.code()) + ".total.suppressed"))
			.containsExactly(true);
		assertThat(JsonPath.<Boolean>read(json, "$.table.monthTotals[1].suppressed")).isTrue();
		assertThat(JsonPath.<Boolean>read(json, "$.table.total.suppressed")).isTrue();
		assertThat(json).doesNotContain("\"count\":3").doesNotContain("\"count\":10");

		var csv = mvc.perform(get("/overdose/statistics.csv" + query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var rate = JsonPath.<List<Double>>read(json, row.formatted(seven.code()) + ".cells[1].rate").get(0);
		assertThat(csv)
			.contains(seven.code() + "," + seven.name() + ",2003-02,7,"
					+ String.format(java.util.Locale.ROOT, "%.2f", rate))
			.contains(three.code() + "," + three.name() + ",2003-02,,,,,true")
			.contains(",region,2003-02,,,,,true");

		mvc.perform(get("/overdose/statistics" + query))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(String.format(java.util.Locale.ROOT, "%.2f per 100,000", rate))))
			.andExpect(content().string(containsString("Open Government Licence")));

		// Fatal only: one death, withheld.
		var fatal = mvc.perform(get("/overdose/statistics.json" + query + "&fatal=true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Boolean>>read(fatal, row.formatted(seven.code()) + ".cells[1].suppressed"))
			.containsExactly(true);

		for (var bad : List.of("?from=2003-13", "?from=2004-01&to=2003-01", "?from=1990-01&to=2026-01", "?fatal=maybe",
				"?to=99999-01")) {
			mvc.perform(get("/overdose/statistics.csv" + bad)).andExpect(status().is4xxClientError());
			mvc.perform(get("/overdose/statistics" + bad)).andExpect(status().is4xxClientError());
		}
	}

	/**
	 * The public map of February 2005 (no other test records then): a district with 3
	 * overdoses reads "fewer than 5" in the map's table (which the map is drawn from) and
	 * carries no count, rate or band anywhere on the page, the region's total is
	 * withheld, and every district's figure on the map page is the one the CSV and JSON
	 * give for the same months.
	 */
	@Test
	void thePublicMapWithholdsWhatTheTableWithholdsAndAgreesWithTheDownloads() throws Exception {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var districts = geography.areas(AreaLevel.LAD).stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
		Area twelve = districts.get(0);
		Area three = districts.get(1);
		var zone = ZoneId.of("Europe/London");
		for (int i = 0; i < 12; i++) {
			overdoses.record(IncidentDraft.minimal(LocalDateTime.of(2005, 2, 1 + i, 22, 0).atZone(zone).toInstant(),
					null, null, twelve.code(), false, List.of()), paramedic, RecordedVia.API);
		}
		for (int i = 0; i < 3; i++) {
			overdoses.record(IncidentDraft.minimal(LocalDateTime.of(2005, 2, 15 + i, 3, 0).atZone(zone).toInstant(),
					null, null, three.code(), true, List.of()), paramedic, RecordedVia.API);
		}
		var query = "?from=2005-02&to=2005-02";
		var html = mvc.perform(get("/overdose/statistics/map" + query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The filter asks the map again, keeping the months chosen.
		assertThat(html).contains("action=\"/overdose/statistics/map\"").contains("value=\"2005-02\"");
		var rows = mapRows(html);
		assertThat(rows).hasSize(districts.size());
		assertThat(rows.get(three.code())).isEqualTo("hw-withheld|fewer than 5");
		assertThat(rows.get(twelve.code())).startsWith("hw-band-0|12|");
		// The withheld district's row: no number but the threshold in its text, and no
		// attribute but its code and class.
		var threeRow = rowOf(html, three.code());
		assertThat(threeRow.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip())
			.isEqualTo(three.name() + " fewer than 5");
		assertThat(html)
			.contains("<tr class=\"govuk-table__row\" data-code=\"" + three.code() + "\" data-class=\"hw-withheld\">");
		// The region's total would be 15: withheld, and 15 appears nowhere as a count.
		assertThat(html).contains("withheld, because a count in it is").doesNotContain(">15<");
		// No points: the map is drawn from district boundaries and the table alone.
		assertThat(html).contains("/api/areas/lad").doesNotContain("/api/overdose/map").doesNotContain("data-api");

		var json = mvc.perform(get("/overdose/statistics.json" + query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var csv = mvc.perform(get("/overdose/statistics.csv" + query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (var district : districts) {
			var shown = rows.get(district.code()).split("\\|");
			Boolean suppressed = JsonPath
				.<List<Boolean>>read(json,
						"$.table.rows[?(@.ladCode == '%s')].total.suppressed".formatted(district.code()))
				.get(0);
			var csvTotal = csv.lines()
				.filter(l -> l.startsWith(district.code() + ",") && l.contains(",all,"))
				.findFirst()
				.orElseThrow()
				.split(",", -1);
			if (suppressed) {
				assertThat(shown[0]).as(district.name()).isEqualTo("hw-withheld");
				assertThat(csvTotal[3]).as(district.name()).isEmpty();
			}
			else {
				Integer count = JsonPath
					.<List<Integer>>read(json,
							"$.table.rows[?(@.ladCode == '%s')].total.count".formatted(district.code()))
					.get(0);
				assertThat(shown[1]).as(district.name()).isEqualTo(String.valueOf(count));
				assertThat(csvTotal[3]).as(district.name()).isEqualTo(String.valueOf(count));
				assertThat(shown[2]).as(district.name()).isEqualTo(csvTotal[4] + " per 100,000");
			}
		}
		// A policing user gets the very same page: areas only, never a point.
		var police = mvc
			.perform(get("/overdose/statistics/map" + query).with(user(users.loadUserByUsername("constable"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mapRows(police)).isEqualTo(rows);
		assertThat(police).doesNotContain("data-api").doesNotContain("/api/overdose/map");

		for (var bad : List.of("?from=2005-13", "?from=2006-01&to=2005-01", "?from=1990-01&to=2026-01", "?fatal=maybe",
				"?to=99999-01", "?from=%27%3Cscript%3E")) {
			mvc.perform(get("/overdose/statistics/map" + bad)).andExpect(status().is4xxClientError());
		}
		mvc.perform(get("/overdose/statistics/map").param("from", "2005-02\u0000")).andExpect(status().isBadRequest());
	}

	/** Each table row of the map page: its class, then its cells' texts, joined by |. */
	static Map<String, String> mapRows(String html) {
		var rows = new LinkedHashMap<String, String>();
		var row = Pattern
			.compile("<tr class=\"govuk-table__row\" data-code=\"([^\"]+)\" data-class=\"([^\"]+)\">(.*?)</tr>",
					Pattern.DOTALL)
			.matcher(html);
		while (row.find()) {
			var cells = Pattern.compile("<td[^>]*data-map-text[^>]*>([^<]*)</td>").matcher(row.group(3));
			var texts = new ArrayList<String>();
			texts.add(row.group(2));
			while (cells.find()) {
				texts.add(cells.group(1).strip());
			}
			rows.put(row.group(1), String.join("|", texts));
		}
		return rows;
	}

	/** The inside of the map table's row of a district. */
	private static String rowOf(String html, String code) {
		int start = html.indexOf(">", html.indexOf("data-code=\"" + code + "\"")) + 1;
		return html.substring(start, html.indexOf("</tr>", start));
	}

}
