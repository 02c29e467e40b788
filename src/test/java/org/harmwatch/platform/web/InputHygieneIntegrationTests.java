package org.harmwatch.platform.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hostile input meets one refusal, not a 500: NUL characters and half surrogate pairs
 * anywhere in a request, dates a database cannot hold, binary files offered as CSV, the
 * error page reached directly, and the partner report API's strict reading of JSON.
 */
@HarmwatchIntegrationTest
class InputHygieneIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	Clock clock;

	@Autowired
	SessionManagement sessionManagement;

	String token;

	@BeforeEach
	void partner() {
		token = agencies.issueApiClient("WMAS CAD " + UUID.randomUUID(), "WMAS",
				List.of(new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), "admin")
			.token();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long reports() {
		return jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single();
	}

	String report(String people, String outcomes, String extra) {
		return """
				{"sourceType": "AMBULANCE", "occurredAt": "%s", "lat": 52.4786, "lon": -1.8940,
				 "substances": [{"text": "china white", "howKnown": "CLINICAL_PICTURE"}],
				 "outcomes": %s, "people": %s, "description": "Naloxone x3 given"%s}"""
			.formatted(clock.instant().minus(Duration.ofHours(2)), outcomes, people, extra);
	}

	// ---- The one place: NUL and half surrogate pairs, in forms and in JSON

	@Test
	void aNulInAnAnonymousFormIsRefusedWithAPageNamingTheField() throws Exception {
		long before = reports();
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var base = "http://localhost:" + port;
		var csrf = csrfToken(http
			.send(HttpRequest.newBuilder(URI.create(base + "/report")).build(), HttpResponse.BodyHandlers.ofString())
			.body());
		var form = "sourceType=MEMBER_OF_PUBLIC&occurredAt=2026-11-20T22%3A15&ladCode=E08000025&outcomes=OVERDOSE"
				+ "&people=1&description=Blue+pills%00+with+a+skull&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/report"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("The field \u2018description\u2019 holds a character that text may not hold")
			.contains("Nothing was saved")
			.doesNotContain("Exception");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aNulInASignInIsRefusedBeforeTheAccountIsLookedUp() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "admin\u0000").param("password", "x"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aNulOrHalfASurrogatePairInSearchParametersIsA400() throws Exception {
		mvc.perform(get("/audit").with(as("auditor")).param("actor", "adm\u0000in")).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/staff").with(as("admin")).param("text", "\uDC00x")).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/staff").with(as("admin")).param("text", "x".repeat(20_001)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/drug-checking/results").param("code", "AB\u0000CD")).andExpect(status().isBadRequest());
	}

	@Test
	void aNulOrALoneSurrogateInJsonIsAProblemNamingTheProperty() throws Exception {
		long before = reports();
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\"]", ", \"ladCode\": \"E08\\u0000000025\"")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("ladCode"))
			.andExpect(jsonPath("$.errors[0].message", containsString("NUL")));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\"]", "").replace("china white", "china \\ud83d white")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("substances[0].text"))
			.andExpect(jsonPath("$.errors[0].message", containsString("surrogate")));
		// The same half pair as raw bytes (UTF-8 of U+D83D, which no encoder writes), not
		// as an escape.
		var raw = new ByteArrayOutputStream();
		var parts = report("1", "[\"OVERDOSE\"]", "").split("Naloxone");
		raw.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
		raw.writeBytes(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0xBD });
		raw.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(raw.toByteArray()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aNulInTheNameOfAnUploadedFileIsRefused() throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var base = "http://localhost:" + port;
		var csrf = signIn(http, base, "coordinator");
		var boundary = "----harmwatch" + UUID.randomUUID();
		var body = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vocab\u0000.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\ncode,name,class\r\n\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/substances/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("The name of the file chosen for \u2018file\u2019 holds a character");
	}

	// ---- Overflow, binary files and the error page

	@Test
	void aDateNoDatabaseCanHoldIsA400() throws Exception {
		mvc.perform(get("/audit").with(as("auditor")).param("from", "+999999999-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter dates between the years 1 and 9999")))
			// the message is tied to both date fields and the title says there is an
			// error
			.andExpect(content().string(containsString("id=\"dates-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"dates-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("<title>Error: ")));
		mvc.perform(get("/audit").with(as("auditor")).param("from", "2026-12-31").param("to", "2026-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-describedby=\"dates-error\"")));
		mvc.perform(get("/audit").with(as("auditor")).param("to", "+999999999-12-31"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/audit").with(as("auditor")).param("page", "99999999999999999999"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/audit").with(as("auditor")).param("from", "2026-01-01").param("to", "2026-12-31"))
			.andExpect(status().isOk());
	}

	@Test
	void datesNoDatabaseCanHoldAreRefusedInFormsSearchesAndJson() throws Exception {
		long sessions = jdbc.sql("SELECT count(*) FROM drugchecking.session").query(Long.class).single();
		mvc.perform(post("/drug-checking/sessions").with(as("analyst"))
			.with(csrf())
			.param("siteName", "Overflow site " + UUID.randomUUID())
			.param("siteKind", "FESTIVAL")
			.param("siteLadCode", "E08000025")
			.param("name", "Overflow")
			.param("startsOn", "2026-07-18")
			.param("endsOn", "+999999999-12-31")
			.param("staff", "Chemist A"))
			.andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString("Enter a date like 2026-07-18.")));
		assertThat(jdbc.sql("SELECT count(*) FROM drugchecking.session").query(Long.class).single())
			.isEqualTo(sessions);
		mvc.perform(get("/drug-checking/board").param("to", "+999999999-12"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(content().string(containsString("is not one")));
		mvc.perform(get("/drug-checking/statistics").with(as("analyst")).param("from", "+999999999-01"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(content().string(containsString("is not one")));
		mvc.perform(post("/api/analytics/alarms").with(as("commissioner"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\": \"+999999999-12-31\", \"counts\": [1, 2, 3]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("firstDay"))
			.andExpect(jsonPath("$.errors[0].message", containsString("years 1 to 9999")));
	}

	@Test
	void aBinaryFileOfferedAsCsvIsRefusedWithAMessage() throws Exception {
		var xlsx = new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/' };
		mvc.perform(multipart("/substances/import").file("file", xlsx).with(as("coordinator")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("binary data")));
		var session = sessionManagement.createSession(
				new SessionDraft("Binary test site " + UUID.randomUUID(), SiteKind.FESTIVAL, "E08000025", "Binary test",
						LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 20), "Chemist A", Set.of()),
				"analyst", "WM-CHECK", clock.instant());
		long jobs = jdbc.sql("SELECT count(*) FROM platform.import_job").query(Long.class).single();
		mvc.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
			.file(new MockMultipartFile("file", "results.csv", "text/csv", xlsx))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not a CSV file")));
		assertThat(jdbc.sql("SELECT count(*) FROM platform.import_job").query(Long.class).single()).isEqualTo(jobs);
	}

	@Test
	void theErrorPageReachedDirectlyIsNotFoundNeverAFailure() throws Exception {
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		var http = HttpClient.newHttpClient();
		for (var method : List.of("GET", "POST", "PUT", "DELETE")) {
			var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(method).isLessThan(500);
		}
	}

	// ---- The partner report API reads strictly

	@Test
	void theReportApiRefusesUnknownPropertiesFractionsAndRepeatedOutcomes() throws Exception {
		long before = reports();
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\"]", ", \"severity\": \"high\"")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("severity"))
			.andExpect(jsonPath("$.errors[0].message", containsString("not known")));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\"]", "").replace("\"howKnown\"", "\"how\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("substances[0].how"));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1.5", "[\"OVERDOSE\"]", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("people"))
			.andExpect(jsonPath("$.errors[0].message").value("Must be a whole number."));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("99999999999", "[\"OVERDOSE\"]", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("people"));
		var tenThousand = new ArrayList<>(Collections.nCopies(10_000, "\"OVERDOSE\""));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[" + String.join(",", tenThousand) + "]", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("outcomes")));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\", \"OVERDOSE\"]", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcomes"))
			.andExpect(jsonPath("$.errors[0].message", containsString("more than once")));
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("1", "[\"OVERDOSE\"]", "") + " {\"trailing\": true}")).andExpect(status().isBadRequest());
		assertThat(reports()).isEqualTo(before);

		// What the documentation describes is still accepted.
		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report("2", "[\"OVERDOSE\", \"UNUSUAL_EFFECTS\"]", ""))).andExpect(status().isCreated());
		assertThat(reports()).isEqualTo(before + 1);
	}

	private static String signIn(HttpClient http, String base, String username) throws Exception {
		var token = csrfToken(http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body());
		var form = "username=" + username + "&password=harmwatch-demo&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return csrfToken(
				http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
					.body());
	}

	private static String csrfToken(String page) {
		var matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

}
