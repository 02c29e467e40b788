package org.harmwatch.awareness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The situational-awareness data and page on the real database: each module's policy
 * decides what a viewer gets (health staff see overdoses at their points, police under an
 * agreement only counts per area, the coordinator early warning and areas); a substance
 * class takes in the classes under it; bad parameters get a 422 naming the field; reads
 * are audited.
 */
@HarmwatchIntegrationTest
class AwarenessIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Europe/London");

	/** A March no other test records in. */
	static final LocalDate FIRST = LocalDate.of(2011, 3, 1);

	static final LocalDate LAST = LocalDate.of(2011, 3, 31);

	static final double LAT = 52.4797;

	static final double LON = -1.9027;

	/** The point as the endpoint writes it (× 100,000). */
	static final String LAT_SENT = "5247970";

	static final String API = "/api/awareness?from=" + FIRST + "&to=" + LAST;

	static boolean recorded;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	EarlyWarningManagement earlyWarning;

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

	/**
	 * The ambulance service's overdoses on 3 March (heroin, fentanyl, a nitazene,
	 * cocaine) at the point, and a staff report of protonitazene with a pin on the 4th.
	 */
	@BeforeEach
	void record() {
		if (recorded) {
			return;
		}
		recorded = true;
		var paramedic = staff("paramedic");
		var third = FIRST.plusDays(2).atTime(14, 0).atZone(ZONE).toInstant();
		for (var substance : List.of("heroin", "fentanyl", "protonitazene", "cocaine")) {
			overdoses.record(
					new IncidentDraft(third, LAT, LON, null, false, List.of(), null, "AWARE-" + UUID.randomUUID(), null,
							null, List.of(substance), null, null, "P-" + UUID.randomUUID()),
					paramedic, RecordedVia.API);
		}
		Instant fourth = FIRST.plusDays(3).atTime(9, 0).atZone(ZONE).toInstant();
		earlyWarning.submit(
				new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, fourth, LAT + 0.001, LON + 0.001, null,
						List.of(new SubstanceMention("protonitazene", HowKnown.TEST_STRIP)), null,
						Set.of(Outcome.OVERDOSE), 1, "Awareness test report"),
				null, fourth.plus(Duration.ofMinutes(10)));
	}

	static List<Integer> pointsOf(String body, int kind) {
		List<Integer> flat = JsonPath.read(body, "$.points");
		var points = new ArrayList<Integer>();
		for (int i = 0; i + 2 < flat.size(); i += 3) {
			if (flat.get(i + 2) == kind) {
				points.add(flat.get(i));
			}
		}
		return points;
	}

	String body(String url, String username) throws Exception {
		return mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void healthStaffSeeOverdosePointsAndTheClassTreeNarrowsThem() throws Exception {
		var all = body(API, "paramedic");
		assertThat(JsonPath.<Boolean>read(all, "$.layers.overdosePoints")).isTrue();
		assertThat(JsonPath.<Boolean>read(all, "$.layers.earlyWarning")).isFalse();
		assertThat(pointsOf(all, EventKind.OVERDOSE.ordinal())).hasSize(4).containsOnly(5247970);
		// No early-warning read: no report, though one lies in the period.
		assertThat(pointsOf(all, EventKind.REPORT.ordinal())).isEmpty();
		assertThat(JsonPath.<Integer>read(all, "$.overdoses")).isEqualTo(4);
		List<Integer> third = JsonPath.read(all, "$.curve[2]");
		assertThat(third.get(EventKind.OVERDOSE.ordinal())).isEqualTo(4);
		assertThat(JsonPath.<List<Object>>read(all, "$.curve")).hasSize(31);
		assertThat(JsonPath.<Object>read(all, "$.heatmap")).isNotNull();

		// Opioid takes in fentanyl and the nitazene under it; nitazene only itself;
		// stimulant only the cocaine.
		assertThat(JsonPath.<Integer>read(body(API + "&substanceClass=OPIOID", "paramedic"), "$.overdoses"))
			.isEqualTo(3);
		assertThat(JsonPath.<Integer>read(body(API + "&substanceClass=nitazene", "paramedic"), "$.overdoses"))
			.isEqualTo(1);
		assertThat(JsonPath.<Integer>read(body(API + "&substanceClass=STIMULANT", "paramedic"), "$.overdoses"))
			.isEqualTo(1);
		// Another district: none.
		assertThat(JsonPath.<Integer>read(body(API + "&ladCode=E08000026", "paramedic"), "$.overdoses")).isZero();
	}

	@Test
	void policeUnderAnAgreementGetCountsPerAreaNeverAPoint() throws Exception {
		// Without an agreement, none of the ambulance service's overdoses.
		assertThat(JsonPath.<Integer>read(body(API, "constable"), "$.overdoses")).isZero();
		var agreement = sharing.record(new SharingManagement.Draft("DSA-AWARE-" + UUID.randomUUID(), "WMAS", "WMP",
				Capability.OVERDOSE, Action.READ, Purpose.POLICING, "Crime and Disorder Act 1998 s.17",
				LocalDate.now().minusDays(1), null), "admin");
		try {
			var body = body(API, "constable");
			assertThat(JsonPath.<Integer>read(body, "$.overdoses")).isEqualTo(4);
			assertThat(JsonPath.<Boolean>read(body, "$.layers.overdosePoints")).isFalse();
			assertThat(JsonPath.<List<Object>>read(body, "$.points")).isEmpty();
			assertThat(body).doesNotContain("\"heatmap\"");
			assertThat(body).doesNotContain(LAT_SENT).doesNotContain("52.479").doesNotContain("P-");
			mvc.perform(get("/awareness").param("from", FIRST.toString())
				.param("to", LAST.toString())
				.with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("counts per area only")))
				.andExpect(content().string(not(containsString("Awareness test report"))))
				.andExpect(content().string(not(containsString(LAT_SENT))));
		}
		finally {
			sharing.end(agreement.id(), "admin");
		}
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'AWARENESS_READ' AND actor = 'constable'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theCoordinatorSeesReportsAndSignalsFilteredByTheClassTree() throws Exception {
		var all = body(API, "coordinator");
		assertThat(JsonPath.<Boolean>read(all, "$.layers.earlyWarning")).isTrue();
		// The coordinator reads overdoses for intelligence: areas, not points.
		assertThat(JsonPath.<Boolean>read(all, "$.layers.overdosePoints")).isFalse();
		assertThat(pointsOf(all, EventKind.OVERDOSE.ordinal())).isEmpty();
		// The report's pin, as early warning stores it (coarsened to about 100 m).
		assertThat(pointsOf(all, EventKind.REPORT.ordinal())).singleElement()
			.satisfies(lat -> assertThat(lat).isCloseTo(5248070, within(200)));
		assertThat(pointsOf(all, EventKind.SIGNAL.ordinal())).isNotEmpty();
		// The protonitazene report is an opioid (nitazene ⊂ high-potency synthetic opioid
		// ⊂ opioid), not a stimulant.
		var opioid = body(API + "&substanceClass=OPIOID", "coordinator");
		assertThat(pointsOf(opioid, EventKind.REPORT.ordinal())).hasSize(1);
		assertThat(pointsOf(opioid, EventKind.SIGNAL.ordinal())).isNotEmpty();
		var stimulant = body(API + "&substanceClass=STIMULANT", "coordinator");
		assertThat(pointsOf(stimulant, EventKind.REPORT.ordinal())).isEmpty();
		assertThat(pointsOf(stimulant, EventKind.SIGNAL.ordinal())).isEmpty();

		mvc.perform(get("/awareness").param("from", FIRST.toString())
			.param("to", LAST.toString())
			.param("substanceClass", "OPIOID")
			.with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"events-table\"")))
			.andExpect(content().string(containsString("Protonitazene")))
			.andExpect(content().string(containsString("Nitazene")))
			.andExpect(content().string(containsString("curve-chart")));
	}

	@Test
	void badParametersAreNamedAndAnswered422() throws Exception {
		String[][] bad = { { "from", "yesterday" }, { "to", "2011-13-01" }, { "from", "2011-03-01T00:00:00Z" },
				{ "level", "msoa" }, { "level", "lad" }, { "substanceClass", "sugar" },
				{ "substanceClass", "OPIOID' OR '1'='1" }, { "ladCode", "E99999999" },
				{ "ladCode", "<script>alert(1)</script>" }, { "from", "x".repeat(10_000) } };
		for (var pair : bad) {
			mvc.perform(get("/api/awareness").param(pair[0], pair[1]).with(as("coordinator")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(pair[0]))
				.andExpect(content().string(not(containsString("<script>"))));
			mvc.perform(get("/awareness").param(pair[0], pair[1]).with(as("coordinator")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("govuk-error-summary")))
				.andExpect(content().string(not(containsString("<script>alert"))));
		}
		mvc.perform(get("/api/awareness").param("from", "2011-03-10").param("to", "2011-03-01").with(as("coordinator")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/awareness").param("from", "2000-01-01").param("to", "2011-03-01").with(as("coordinator")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		// A page number that is no number, or beyond the last, shows a page rather than
		// failing.
		for (var page : List.of("-1", "abc", "999999999999", "2")) {
			mvc.perform(get("/awareness").param("from", FIRST.toString())
				.param("to", LAST.toString())
				.param("page", page)
				.with(as("coordinator"))).andExpect(status().isOk());
		}
		// No filter: the last four weeks.
		mvc.perform(get("/api/awareness").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.curve.length()").value(28));
		// Neither overdose nor early-warning read: refused.
		mvc.perform(get("/api/awareness").with(as("frontline"))).andExpect(status().isForbidden());
		mvc.perform(get("/awareness").with(as("frontline"))).andExpect(status().isForbidden());
	}

}
