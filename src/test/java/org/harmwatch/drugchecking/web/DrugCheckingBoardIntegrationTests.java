package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.StatisticsManagement;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public results board, its downloads and API, and the statistics, on a known set of
 * samples marked by a unique logo (the database is shared with other tests): released
 * results only, filters, small numbers suppressed everywhere, the licence on the open
 * data, and statistics checked by hand.
 */
@HarmwatchIntegrationTest
class DrugCheckingBoardIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Autowired
	StatisticsManagement statistics;

	/**
	 * What {@link #seed} made: the unique logo, the session names and staff (never to be
	 * shown on the board).
	 */
	record Seeded(String logo, String publicSession, String hiddenSession, String hiddenColour, String novel) {
	}

	/**
	 * In one month: a public session with five MDMA pills of 60, 80, 100, 120 and 200 mg
	 * (the last high strength), a pill sold as MDMA that is caffeine and a novel
	 * substance (mis-sold), and a police-submitted pill sold as MDMA that is fentanyl
	 * (mis-sold, unexpected high-risk; kept off the board); and a session whose licence
	 * keeps its results off the board, with one pill.
	 */
	Seeded seed(YearMonth month) {
		var marker = "zz" + UUID.randomUUID().toString().substring(0, 8);
		var when = month.atDay(10).atTime(20, 0).toInstant(ZoneOffset.UTC);
		var publicName = "Board session " + marker;
		var hiddenName = "Hidden session " + marker;
		var open = sessionManagement.createSession(new SessionDraft("Board site " + marker, SiteKind.FESTIVAL,
				BIRMINGHAM, publicName, month.atDay(10), month.atDay(11), "Chemist " + marker, Set.of()), "analyst",
				"WM-CHECK", when);
		var hidden = sessionManagement.createSession(
				new SessionDraft("Hidden site " + marker, SiteKind.FESTIVAL, BIRMINGHAM, hiddenName, month.atDay(10),
						month.atDay(11), "Chemist " + marker, Set.of(LicenceCondition.NO_PUBLIC_BOARD)),
				"analyst", "WM-CHECK", when);
		var pills = new java.util.ArrayList<UUID>();
		for (var mg : List.of("60", "80", "100", "120", "200")) {
			var id = pill(open, SampleMode.FRONT_OF_HOUSE, "pink " + marker, marker, when);
			result(id, new ComponentDraft("MDMA", new BigDecimal(mg), QuantityUnit.MG_PER_UNIT, Basis.SALT,
					Confidence.CONFIRMED, AnalysisMethod.FTIR));
			pills.add(id);
		}
		var novel = "zz-novel-" + marker;
		var caffeine = pill(open, SampleMode.FRONT_OF_HOUSE, "blue " + marker, marker, when);
		result(caffeine, found("caffeine"), found(novel));
		var police = pill(open, SampleMode.POLICE_SUBMITTED, "green " + marker, marker, when);
		result(police, found("fentanyl"));
		var off = pill(hidden, SampleMode.FRONT_OF_HOUSE, "hiddencolour " + marker, marker, when);
		result(off, found("MDMA"));
		resultManagement.recordConsultation(pills.get(0), "Take half.", true, null, null, "analyst", when);
		resultManagement.recordConsultation(pills.get(4), "Very strong.", true, null, null, "analyst", when);
		resultManagement.recordConsultation(caffeine, "Not MDMA.", false, null, null, "analyst", when);
		resultManagement.recordConsultation(pills.get(1), "Start low.", null, null, null, "analyst", when);
		return new Seeded(marker, publicName, hiddenName, "hiddencolour " + marker, novel);
	}

	UUID pill(UUID session, SampleMode mode, String colour, String logo, java.time.Instant when) {
		return sampleManagement
			.takeIn(session,
					new SampleDraft(UUID.randomUUID(), mode, "MDMA", DosageForm.PILL, colour, logo, "round", false,
							new BigDecimal("350"), BIRMINGHAM, null, true, null),
					"analyst", when)
			.id();
	}

	void result(UUID sample, ComponentDraft... components) {
		resultManagement.recordResult(sample, new ResultDraft(List.of(components), true, null), "Analyst",
				java.time.Instant.now());
	}

	static ComponentDraft found(String text) {
		return new ComponentDraft(text, null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR);
	}

	@Test
	void theBoardShowsReleasedResultsOnlyAndNothingAboutPeopleStaffOrSessions() throws Exception {
		var s = seed(YearMonth.of(2018, 5));
		var html = mvc
			.perform(
					get("/drug-checking/board").param("logo", s.logo()).param("from", "2018-05").param("to", "2018-05"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The pills of concern: the 200 mg pink one and the mis-sold blue one.
		assertThat(html).contains("pink " + s.logo(), "blue " + s.logo())
			.doesNotContain("green " + s.logo(), "Fentanyl", s.hiddenColour())
			.doesNotContain(s.publicSession(), s.hiddenSession(), "Chemist " + s.logo(), "Board site")
			.contains("Pills of concern", "High strength", "Mis-sold", "Birmingham", "Confirmed by FTIR")
			.doesNotContain("results-table");
		// Six released results: MDMA in five, caffeine in one, which is suppressed, so
		// the
		// total is withheld.
		assertThat(html.replaceAll("\\s+", " ")).contains("Results matching the filter: not shown")
			.doesNotContain("Results matching the filter: 6")
			.containsPattern("MDMA</th> <td[^>]*>5</td>")
			.containsPattern("(?i)caffeine</th> <td[^>]*>fewer than 5</td>")
			.doesNotContainPattern("(?i)caffeine</th> <td[^>]*>1</td>");
		// Only the warnings are listed, one per kind: the four ordinary MDMA pills are
		// not.
		assertThat(html).doesNotContain("60 mg per unit", "80 mg per unit", "120 mg per unit")
			.contains("200 mg per unit");
	}

	@Test
	void filtersNarrowTheBoard() throws Exception {
		var s = seed(YearMonth.of(2018, 6));
		// A result that is not final (on-site, not yet checked) is not published.
		var session = sessionManagement
			.createSession(new SessionDraft("Unconfirmed site " + s.logo(), SiteKind.FESTIVAL, BIRMINGHAM,
					"Unconfirmed " + s.logo(), LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 1), "Chemist", Set.of()),
					"analyst", "WM-CHECK", java.time.Instant.now());
		var unconfirmed = pill(session, SampleMode.FRONT_OF_HOUSE, "blue unconfirmed", s.logo(),
				LocalDate.of(2018, 6, 1).atTime(12, 0).toInstant(ZoneOffset.UTC));
		resultManagement.recordResult(unconfirmed, new ResultDraft(List.of(found("ketamine")), false, null), "Analyst",
				java.time.Instant.now());
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("colour", "BLUE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results").doesNotExist())
			.andExpect(jsonPath("$.concerns", hasSize(1)))
			.andExpect(jsonPath("$.concerns[0].colour").value("blue " + s.logo()))
			.andExpect(jsonPath("$.concerns[0].found[0].confidence").value("CONFIRMED"))
			.andExpect(jsonPath("$.concerns[0].found[0].method").value("FTIR"))
			.andExpect(jsonPath("$.total").value("fewer than 5"))
			.andExpect(jsonPath("$.substances[*].label").value(not(org.hamcrest.Matchers.hasItem("Ketamine"))));
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("substance", "mdma"))
			.andExpect(jsonPath("$.total").value("5"))
			.andExpect(jsonPath("$.concerns", hasSize(1)));
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("substance", "caffeine"))
			.andExpect(jsonPath("$.total").value("fewer than 5"));
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("form", "POWDER"))
			.andExpect(jsonPath("$.concerns", hasSize(0)))
			.andExpect(jsonPath("$.substances", hasSize(0)));
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("form", "pill"))
			.andExpect(jsonPath("$.concerns", hasSize(2)))
			.andExpect(jsonPath("$.total").doesNotExist());
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("from", "2018-07"))
			.andExpect(jsonPath("$.substances", hasSize(0)));
		mvc.perform(get("/api/public/drug-checking/results").param("logo", s.logo()).param("to", "2018-05"))
			.andExpect(jsonPath("$.substances", hasSize(0)));
		mvc.perform(get("/drug-checking/board").param("logo", s.logo()).param("colour", "blue"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("blue " + s.logo())))
			.andExpect(content().string(not(containsString("pink " + s.logo()))));
	}

	@Test
	void theOpenDataCarriesTheLicenceAndSuppressesSmallCounts() throws Exception {
		var s = seed(YearMonth.of(2018, 7));
		var csv = mvc.perform(get("/drug-checking/board.csv").param("logo", s.logo()))
			.andExpect(status().isOk())
			.andExpect(header().string("Link", containsString("open-government-licence/version/3")))
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith(
				"# Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
			.contains("all results,withheld", "MDMA,5")
			.containsPattern("(?i)caffeine,fewer than 5")
			.doesNotContainPattern("(?i)\ncaffeine,1")
			.doesNotContain("all results,6")
			.doesNotContain("green " + s.logo(), s.hiddenColour(), s.publicSession(), "Chemist");
		for (var path : List.of("/drug-checking/board.json", "/api/public/drug-checking/results")) {
			mvc.perform(get(path).param("logo", s.logo()))
				.andExpect(status().isOk())
				.andExpect(header().string("Link", containsString("open-government-licence/version/3")))
				.andExpect(jsonPath("$.licence").value("Open Government Licence v3.0"))
				.andExpect(jsonPath("$.licenceUrl").value(containsString("open-government-licence/version/3")))
				.andExpect(jsonPath("$.total").doesNotExist())
				.andExpect(jsonPath("$.results").doesNotExist())
				.andExpect(jsonPath("$.months").doesNotExist())
				.andExpect(jsonPath("$.concerns", hasSize(2)))
				.andExpect(jsonPath("$.substances[?(@.label == 'MDMA')].count").value(5))
				.andExpect(jsonPath("$.substances[?(@.label =~ /(?i)caffeine/)].count")
					.value(org.hamcrest.Matchers.empty())) // suppressed: no number at all
				.andExpect(jsonPath("$.substances[?(@.label =~ /(?i)caffeine/)].shown").value("fewer than 5"))
				.andExpect(content().string(not(containsString(s.publicSession()))))
				.andExpect(content().string(not(containsString(s.hiddenColour()))))
				.andExpect(content().string(not(containsString("green " + s.logo()))));
		}
	}

	/**
	 * Four pills sold as MDMA of four looks, each only a rare substance (mis-sold, so of
	 * concern; its count, 4, is suppressed), and five ordinary MDMA pills: the total (9)
	 * less MDMA's 5 would give the rare count away, and so would four warnings.
	 * Everything the page and its downloads publish is read back and every bound a reader
	 * could draw on the suppressed counts is worked out: none pins one down.
	 */
	@Test
	void theBoardNeverLetsASuppressedCountBeRecoveredFromThePageOrItsDownloads() throws Exception {
		var marker = "zzr" + UUID.randomUUID().toString().substring(0, 8);
		var month = YearMonth.of(2018, 9);
		var when = month.atDay(3).atTime(20, 0).toInstant(ZoneOffset.UTC);
		var session = sessionManagement.createSession(new SessionDraft("Rare site " + marker, SiteKind.FESTIVAL,
				BIRMINGHAM, "Rare " + marker, month.atDay(3), month.atDay(3), "Chemist", Set.of()), "analyst",
				"WM-CHECK", when);
		var rare = "zz-rare-" + marker;
		for (var colour : List.of("red", "orange", "yellow", "violet")) {
			result(pill(session, SampleMode.FRONT_OF_HOUSE, colour + " " + marker, marker, when), found(rare));
		}
		for (var mg : List.of("70", "80", "90", "100", "110")) {
			result(pill(session, SampleMode.FRONT_OF_HOUSE, "white " + marker, marker, when),
					new ComponentDraft("MDMA", new BigDecimal(mg), QuantityUnit.MG_PER_UNIT, Basis.SALT,
							Confidence.CONFIRMED, AnalysisMethod.FTIR));
		}

		var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
		for (var path : List.of("/drug-checking/board.json", "/api/public/drug-checking/results")) {
			var json = mapper.readTree(mvc.perform(get(path).param("logo", marker))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(json.has("results")).isFalse();
			var total = json.path("total").isMissingNode() || json.path("total").isNull() ? null
					: json.path("total").asText();
			var shownSum = 0L;
			var suppressed = new java.util.ArrayList<String>();
			for (var c : json.path("substances")) {
				if (c.path("count").isMissingNode() || c.path("count").isNull()) {
					assertThat(c.path("shown").asText()).isEqualTo("fewer than 5");
					suppressed.add(c.path("label").asText());
				}
				else {
					shownSum += c.path("count").asLong();
				}
			}
			assertThat(suppressed).contains(rare);
			for (var name : suppressed) {
				// Each warning is at least one result: the warnings naming it bound it
				// from
				// below.
				long warnings = 0;
				for (var w : json.path("concerns")) {
					for (var f : w.path("found")) {
						if (f.path("name").asText().equals(name)) {
							warnings++;
						}
					}
				}
				// A result holds at least one substance: the total less the others bounds
				// it from below too.
				long arithmetic = total == null || total.equals("fewer than 5") ? 0
						: Long.parseLong(total) - shownSum - 4L * (suppressed.size() - 1);
				assertThat(Math.max(warnings, arithmetic)).as(name).isLessThan(4);
			}
			if ("fewer than 5".equals(total)) {
				assertThat(json.path("concerns").size()).isLessThan(4);
			}
		}

		var csv = mvc.perform(get("/drug-checking/board.csv").param("logo", marker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().filter(l -> l.contains(rare) && l.contains("MIS_SOLD")).count()).isLessThan(4);
		assertThat(csv).contains(rare + ",fewer than 5", "all results,withheld").doesNotContain("all results,9");

		var html = mvc.perform(get("/drug-checking/board").param("logo", marker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var page = html.replaceAll("\\s+", " ");
		assertThat(page).doesNotContain("results-table")
			.doesNotContain("Results matching the filter: 9")
			.containsPattern(java.util.regex.Pattern.quote(rare) + "</th> <td[^>]*>fewer than 5</td>");
		// The chart draws a suppressed count as no bar, never 0: its cell carries no
		// number.
		assertThat(page).containsPattern("MDMA</th> <td[^>]*data-count=\"5\"[^>]*>5</td>")
			.doesNotContainPattern(java.util.regex.Pattern.quote(rare) + "</th> <td[^>]*data-count");
		assertThat(html.split("class=\"govuk-summary-card hw-concern\"", -1).length - 1).isLessThan(4);
	}

	@Test
	void badFilterInputIsIgnoredWithAMessageOnThePageAndA400ForData() throws Exception {
		mvc.perform(get("/drug-checking/board").param("form", "BANANA").param("from", "last year").param("page", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some of the filter was ignored")))
			.andExpect(content().string(containsString("Enter a month like 2026-07")));
		mvc.perform(get("/drug-checking/board").param("from", "2019-05").param("to", "2019-01").param("page", "-3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The last month cannot be before the first.")));
		for (var path : List.of("/drug-checking/board.csv", "/drug-checking/board.json",
				"/api/public/drug-checking/results")) {
			mvc.perform(get(path).param("form", "BANANA").param("to", "13-2020"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("form", "to")));
		}
		mvc.perform(get("/drug-checking/statistics").param("from", "whenever")
			.param("to", "2019-02-30")
			.with(user(users.loadUserByUsername("analyst"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some of the period was ignored")));
	}

	@Test
	void statisticsAreRightForAKnownSet() throws Exception {
		var month = YearMonth.of(2019, 3);
		var s = seed(month);
		// An MDMA pill a month earlier, so MDMA is not new to the region in March.
		var earlier = sessionManagement.createSession(
				new SessionDraft("Earlier site " + s.logo(), SiteKind.FESTIVAL, BIRMINGHAM, "Earlier " + s.logo(),
						LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 1), "Chemist", Set.of()),
				"analyst", "WM-CHECK", java.time.Instant.now());
		result(pill(earlier, SampleMode.FRONT_OF_HOUSE, "grey", s.logo(),
				LocalDate.of(2019, 2, 1).atTime(12, 0).toInstant(ZoneOffset.UTC)), found("MDMA"));
		var analyst = (HarmwatchUser) users.loadUserByUsername("analyst");

		var stats = statistics.statistics(month, month, analyst);

		// Health staff see both sessions, the police-submitted sample included.
		var open = stats.bySession()
			.stream()
			.filter(r -> r.label().startsWith(s.publicSession()))
			.findFirst()
			.orElseThrow();
		assertThat(open.tested()).isEqualTo(7);
		assertThat(open.misSold()).isEqualTo(2); // caffeine, fentanyl
		assertThat(open.misSoldPercent()).isEqualByComparingTo("28.6"); // 2 / 7
		assertThat(open.highRiskPercent()).isEqualByComparingTo("14.3"); // 1 / 7
		assertThat(open.consulted()).isEqualTo(3); // a choice recorded for three; one
													// said nothing
		assertThat(open.disposedPercent()).isEqualByComparingTo("66.7"); // 2 / 3
		var hidden = stats.bySession()
			.stream()
			.filter(r -> r.label().startsWith(s.hiddenSession()))
			.findFirst()
			.orElseThrow();
		assertThat(hidden.tested()).isEqualTo(1);
		assertThat(hidden.disposedPercent()).isNull();

		// 60, 80, 100, 120, 200 mg: quartiles by linear interpolation are the 2nd, 3rd
		// and 4th values.
		var box = stats.potency().stream().filter(b -> b.month().equals(month)).findFirst().orElseThrow();
		assertThat(box.pills()).isEqualTo(5);
		assertThat(box.min()).isEqualByComparingTo("60");
		assertThat(box.q1()).isEqualByComparingTo("80");
		assertThat(box.median()).isEqualByComparingTo("100");
		assertThat(box.q3()).isEqualByComparingTo("120");
		assertThat(box.max()).isEqualByComparingTo("200");

		assertThat(stats.newSubstances()).anySatisfy(n -> {
			assertThat(n.name()).isEqualTo(s.novel());
			assertThat(n.firstFound()).isEqualTo(month);
			assertThat(n.results()).isEqualTo(1);
		});
		assertThat(stats.newSubstances()).noneMatch(n -> n.name().equalsIgnoreCase("MDMA"));

		var html = mvc.perform(
				get("/drug-checking/statistics").param("from", "2019-03").param("to", "2019-03").with(user(analyst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");
		assertThat(html).contains(s.novel(), "28.6", "66.7", "data-box-table=\"potency-table\"")
			.containsPattern(
					"2019-03</th> <td[^>]*>5</td> <td[^>]*>60</td> <td[^>]*>80</td> <td[^>]*>100</td> <td[^>]*>120</td> <td[^>]*>200</td>");
	}

	@Test
	void theQuartilesInterpolateBetweenValues() {
		var values = List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("40"));
		// h = (n - 1) p: Q1 at 0.75 → 17.5, median at 1.5 → 25, Q3 at 2.25 → 32.5
		assertThat(StatisticsManagement.quantile(values, 1, 4)).isEqualByComparingTo("17.5");
		assertThat(StatisticsManagement.quantile(values, 1, 2)).isEqualByComparingTo("25");
		assertThat(StatisticsManagement.quantile(values, 3, 4)).isEqualByComparingTo("32.5");
	}

}
