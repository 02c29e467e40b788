package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report forms, the partner API, the anonymous form and its rate limit, signal pages,
 * and who sees a reporter.
 */
@HarmwatchIntegrationTest
class EarlyWarningWebIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	EarlyWarningManagement earlyWarning;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	String now() {
		return LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
			.truncatedTo(ChronoUnit.MINUTES)
			.minusMinutes(30)
			.toString();
	}

	long reports() {
		return jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single();
	}

	@Test
	void frontlineStaffReportThroughTheShortForm() throws Exception {
		mvc.perform(get("/early-warning/reports/new").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Report a drug-related harm")))
			.andExpect(content().string(containsString("Birmingham")));
		var description = "Brown powder, unusually strong " + UUID.randomUUID();
		mvc.perform(post("/early-warning/reports").with(as("frontline"))
			.with(csrf())
			.param("sourceType", "DRUG_SERVICE")
			.param("occurredAt", now())
			.param("ladCode", BIRMINGHAM)
			.param("substances[0]", "heroin")
			.param("howKnown[0]", "SUSPECTED")
			.param("substances[1]", "fentanyl")
			.param("howKnown[1]", "TEST_STRIP")
			.param("outcomes", "OVERDOSE")
			.param("people", "2")
			.param("description", description))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/early-warning/reports/new"));
		var stored = jdbc
			.sql("SELECT reporter_name, reporter_agency_code, channel, purpose FROM earlywarning.report "
					+ "WHERE description = ?")
			.param(description)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(stored).containsExactly("Frankie Frontline", "BHM-TREAT", "STAFF_FORM",
				"PUBLIC_HEALTH_INTELLIGENCE");
		var substances = jdbc
			.sql("SELECT text || '=' || coalesce(substance_code, '?') || '/' || how_known "
					+ "FROM earlywarning.report_substance s JOIN earlywarning.report r ON r.id = s.report_id "
					+ "WHERE r.description = ? ORDER BY position")
			.param(description)
			.query(String.class)
			.list();
		assertThat(substances).containsExactly("heroin=heroin/SUSPECTED", "fentanyl=fentanyl/TEST_STRIP");
	}

	@Test
	void frontlineStaffSeeTheirOwnReportsAndWhatBecameOfEach() throws Exception {
		var frontline = (HarmwatchUser) users.loadUserByUsername("frontline");
		var text = "mystery tab " + UUID.randomUUID();
		var now = clock.instant();
		// Wolverhampton, an unresolved substance of a chosen class: a signal of its own.
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, now.minus(Duration.ofHours(3)), null,
				null, "E08000031", List.of(new SubstanceMention(text, HowKnown.SUSPECTED)),
				org.harmwatch.substances.SubstanceClass.PSYCHEDELIC, Set.of(Outcome.UNUSUAL_EFFECTS), 1, null);
		var report = earlyWarning.submit(draft,
				new Reporter(frontline.id(), frontline.displayName(), frontline.agencyCode(), frontline.agencyName()),
				now);
		mvc.perform(get("/early-warning/reports/mine").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("Received: being looked at with other reports")));

		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
		earlyWarning.decide(signal, SignalStatus.DISMISSED, "A known batch, already in the bulletin", "coordinator",
				now);
		mvc.perform(get("/early-warning/reports/mine").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("Looked at: no action needed")))
			.andExpect(content().string(not(containsString("A known batch"))));
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'OWN_REPORTS_LISTED'"
					+ " AND actor = 'frontline'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);

		// Nobody else sees it there; staff who cannot report do not have the page.
		mvc.perform(get("/early-warning/reports/mine").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(text))));
		mvc.perform(get("/early-warning/reports/mine").with(as("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void aBadFormNamesEachFieldAndStoresNothing() throws Exception {
		long before = reports();
		mvc.perform(post("/early-warning/reports").with(as("frontline"))
			.with(csrf())
			.param("sourceType", "NOT_A_SOURCE")
			.param("occurredAt", "yesterday")
			.param("lat", "north")
			.param("people", "lots"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("href=\"#sourceType\"")))
			.andExpect(content().string(containsString("href=\"#occurredAt\"")))
			.andExpect(content().string(containsString("href=\"#lat\"")))
			.andExpect(content().string(containsString("href=\"#outcomes\"")))
			.andExpect(content().string(containsString("href=\"#people\"")));
		mvc.perform(post("/early-warning/reports").with(as("frontline"))
			.with(csrf())
			.param("sourceType", "AMBULANCE")
			.param("occurredAt", now())
			.param("outcomes", "OVERDOSE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Drop a pin on the map or choose an area.")));
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void partnerSystemsPostJsonAndGetALocation() throws Exception {
		var token = agencies.issueApiClient("WMAS CAD " + UUID.randomUUID(), "WMAS",
				List.of(new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), "admin")
			.token();
		var body = """
				{"sourceType": "AMBULANCE", "occurredAt": "%s", "lat": 52.4786, "lon": -1.8940,
				 "substances": [{"text": "china white", "howKnown": "CLINICAL_PICTURE"}],
				 "outcomes": ["OVERDOSE"], "people": 1, "description": "Naloxone x3 given"}"""
			.formatted(clock.instant().minus(Duration.ofHours(2)));
		var location = mvc
			.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/early-warning/reports/")))
			.andExpect(jsonPath("$.id").exists())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(earlyWarning.signalOf(EvidenceKind.REPORT, id.toString())).isPresent();
		mvc.perform(get(location).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ladCode").value(BIRMINGHAM))
			.andExpect(jsonPath("$.channel").value("API"))
			.andExpect(jsonPath("$.substances[0].text").value("china white"));

		long before = reports();
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sourceType": "SPACESHIP", "occurredAt": "last night", "outcomes": ["OVERDOSE"], "people": 0}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("sourceType")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("ladCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("people")));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andExpect(status().isBadRequest());
		assertThat(reports()).isEqualTo(before);

		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer hw_not-a-real-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/early-warning/reports").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isUnauthorized());
		var readOnly = agencies
			.issueApiClient("Reader " + UUID.randomUUID(), "WMAS",
					List.of(new Grant(Capability.GEOGRAPHY, Action.READ, Purpose.PUBLIC)), "admin")
			.token();
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + readOnly)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void theAnonymousFormKeepsNoPersonalData() throws Exception {
		mvc.perform(get("/report")).andExpect(status().isOk()).andExpect(content().string(containsString("call 999")));
		var description = "Pills with a blue skull " + UUID.randomUUID();
		mvc.perform(post("/report").with(csrf())
			.with(from("203.0.113.7"))
			.header("User-Agent", "Mozilla/5.0 test")
			// a crafted post cannot add what the public form does not offer
			.param("sourceType", "POLICE_SEIZURE")
			.param("lat", "52.4786")
			.param("lon", "-1.8940")
			.param("occurredAt", now())
			.param("ladCode", BIRMINGHAM)
			.param("substances[0]", "ecstasy")
			.param("outcomes", "UNUSUAL_EFFECTS")
			.param("people", "1")
			.param("description", description))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you for your report")));
		var row = jdbc.sql("SELECT * FROM earlywarning.report WHERE description = ?")
			.param(description)
			.query((rs, n) -> {
				var values = new java.util.HashMap<String, Object>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
				}
				return values;
			})
			.single();
		assertThat(row.get("channel")).isEqualTo("PUBLIC_FORM");
		assertThat(row.get("source_type")).isEqualTo("MEMBER_OF_PUBLIC");
		assertThat(row).containsEntry("reporter_id", null)
			.containsEntry("reporter_name", null)
			.containsEntry("reporter_agency_code", null)
			.containsEntry("lat", null)
			.containsEntry("lon", null)
			.containsEntry("ward_code", null);
		assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains("203.0.113.7"))
			.noneMatch(v -> v.contains("Mozilla"));
		// Nothing in the whole schema holds the address either.
		var dump = jdbc.sql("SELECT string_agg(r::text, ' ') FROM earlywarning.report r").query(String.class).single();
		assertThat(dump).doesNotContain("203.0.113.7");
	}

	@Test
	void theAnonymousFormIsRateLimitedPerClient() throws Exception {
		// Addresses no other test uses (the access matrix cycles through 198.51.100.0/24,
		// and
		// limits are kept in the shared database): IPv6 documentation addresses, new each
		// run.
		var address = documentationAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/report").with(csrf()).with(from(address)).param("occurredAt", now()))
				.andExpect(status().isUnprocessableContent());
		}
		mvc.perform(post("/report").with(csrf()).with(from(address)).param("occurredAt", now()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Too many reports from this connection")));
		mvc.perform(post("/report").with(csrf()).with(from(documentationAddress())).param("occurredAt", now()))
			.andExpect(status().isUnprocessableContent());
	}

	static String documentationAddress() {
		var random = new java.security.SecureRandom();
		return "2001:db8:5ea1:" + Integer.toHexString(random.nextInt(0x10000)) + "::"
				+ Integer.toHexString(1 + random.nextInt(0xfffe));
	}

	@Test
	void onlyTheCoordinatorAndTheReportersOwnAgencySeeWhoReported() throws Exception {
		var id = earlyWarning.submit(
				new org.harmwatch.earlywarning.ReportDraft(org.harmwatch.earlywarning.Channel.STAFF_FORM,
						org.harmwatch.earlywarning.SourceType.DRUG_SERVICE, clock.instant().minus(Duration.ofHours(1)),
						null, null, BIRMINGHAM, List.of(), null,
						Set.of(org.harmwatch.earlywarning.Outcome.UNUSUAL_EFFECTS), 1, "identity test"),
				new org.harmwatch.earlywarning.Reporter(UUID.randomUUID(), "Frankie Frontline", "BHM-TREAT",
						"Birmingham Recovery Partnership (demo)"),
				clock.instant());
		var readGrant = Set.of(new Grant(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE));
		var police = new HarmwatchUser(UUID.randomUUID(), "pc-ew", null, "PC Early", "WMP", "West Midlands Police",
				AgencyType.POLICE_FORCE, List.of("TEST"), readGrant, true, false);
		var colleague = new HarmwatchUser(UUID.randomUUID(), "colleague-ew", null, "Colleague", "BHM-TREAT",
				"Birmingham Recovery Partnership (demo)", AgencyType.TREATMENT_PROVIDER, List.of("TEST"), readGrant,
				true, false);

		mvc.perform(get("/early-warning/reports/" + id).with(user(police)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Birmingham Recovery Partnership (demo)")))
			.andExpect(content().string(not(containsString("Frankie Frontline"))))
			.andExpect(content().string(containsString("Withheld")));
		mvc.perform(get("/early-warning/reports/" + id).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Frankie Frontline"))));
		mvc.perform(get("/early-warning/reports/" + id).with(user(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Frankie Frontline")));
		mvc.perform(get("/early-warning/reports/" + id).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Frankie Frontline")));
		mvc.perform(get("/early-warning/reports").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Frankie Frontline"))));

		var audited = jdbc
			.sql("SELECT action || ':' || actor FROM platform.audit_event WHERE record_id = ? ORDER BY seq")
			.param(id.toString())
			.query(String.class)
			.list();
		assertThat(audited).containsExactly("REPORTER_WITHHELD:pc-ew", "REPORTER_WITHHELD:panel",
				"REPORTER_VIEWED:colleague-ew", "REPORTER_VIEWED:coordinator");
	}

	@Test
	void theCoordinatorSeesSignalsAndDecides() throws Exception {
		var id = earlyWarning.submit(new org.harmwatch.earlywarning.ReportDraft(
				org.harmwatch.earlywarning.Channel.STAFF_FORM, org.harmwatch.earlywarning.SourceType.CORONER,
				clock.instant().minus(Duration.ofDays(1)), null, null, "E08000026",
				List.of(new org.harmwatch.earlywarning.SubstanceMention("levamisole",
						org.harmwatch.earlywarning.HowKnown.LAB)),
				null, Set.of(org.harmwatch.earlywarning.Outcome.DEATH), 1, null), null, clock.instant());
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, id.toString()).orElseThrow();
		mvc.perform(get("/early-warning/signals").param("urgency", "URGENT").param("status", "OPEN").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/signals/" + signal)));
		mvc.perform(get("/early-warning/signals").param("urgency", "ROUTINE").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/early-warning/signals/" + signal))));
		mvc.perform(get("/early-warning/signals/" + signal).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Levamisole")))
			.andExpect(content().string(containsString("A death")))
			.andExpect(content().string(not(containsString("Record decision"))));
		mvc.perform(post("/early-warning/signals/" + signal + "/decision").with(as("coordinator"))
			.with(csrf())
			.param("reason", "Not sure yet"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<title>Error: ")))
			.andExpect(content().string(containsString("href=\"#outcome\">Choose validate or dismiss.")))
			// What was typed is shown again.
			.andExpect(content().string(containsString("Not sure yet")));
		mvc.perform(post("/early-warning/signals/" + signal + "/decision").with(as("coordinator"))
			.with(csrf())
			.param("outcome", "DISMISSED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#reason\">Say why the signal is dismissed.")));
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(org.harmwatch.earlywarning.SignalStatus.OPEN);
		mvc.perform(post("/early-warning/signals/" + signal + "/decision").with(as("coordinator"))
			.with(csrf())
			.param("outcome", "VALIDATED")).andExpect(status().isFound());
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(org.harmwatch.earlywarning.SignalStatus.VALIDATED);
		assertThat(earlyWarning.signal(signal).decidedBy()).isEqualTo("coordinator");
		mvc.perform(get("/early-warning/signals/" + UUID.randomUUID()).with(as("coordinator")))
			.andExpect(status().isNotFound());
	}

}
