package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The licence conditions on every path (issue 13 item 12): a reader whose agency is law
 * enforcement never sees a result of a {@code NOT_FOR_LAW_ENFORCEMENT} session, on the
 * board, its downloads, the public API, statistics, the lookup or the staff pages; such a
 * session's results are never published at all; and an adults-only session refuses an
 * under-18's sample at intake, by the web form, the API and field sync alike.
 */
@HarmwatchIntegrationTest
class DrugCheckingLicenceIntegrationTests {

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
	SharingManagement sharing;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/**
	 * A police reader given drug-checking grants for policing, to prove that the agency's
	 * type rules, not the grants.
	 */
	static RequestPostProcessor policeWithGrants() {
		return user(new HarmwatchUser(UUID.randomUUID(), "police-reader", null, "Police reader", "WMP",
				"West Midlands Police", AgencyType.POLICE_FORCE, List.of("CUSTODY_OFFICER"),
				Set.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING),
						new Grant(Capability.DRUG_CHECKING, Action.EXPORT, Purpose.POLICING)),
				true, false));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	UUID session(LocalDate day, LicenceCondition... conditions) {
		return sessionManagement.createSession(
				new SessionDraft("Licence site " + UUID.randomUUID(), SiteKind.NIGHT_TIME_DISTRICT, BIRMINGHAM,
						"Licence session " + UUID.randomUUID(), day, day, "Chemist L", Set.of(conditions)),
				"analyst", "WM-CHECK", Instant.now());
	}

	/** A final result of a pill with the logo, whose only component is {@code found}. */
	SampleView pill(UUID session, String logo, String colour, String found, Instant when) {
		var sample = sampleManagement.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, colour, logo,
						"round", false, new BigDecimal("300"), BIRMINGHAM, null, true, null),
				"analyst", when);
		resultManagement.recordResult(sample.id(),
				new ResultDraft(
						List.of(new ComponentDraft(found, null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						true, null),
				"Analyst", when);
		resultManagement.recordConsultation(sample.id(), "Advice " + found, true, null, null, "Analyst", when);
		return sample;
	}

	@Test
	void aPoliceUserCannotSeeANotForLawEnforcementResultOnAnyPath() throws Exception {
		var marker = "zzl" + UUID.randomUUID().toString().substring(0, 8);
		var month = YearMonth.of(2017, 4);
		var when = month.atDay(12).atTime(21, 0).toInstant(ZoneOffset.UTC);
		var closedSubstance = "zz-closed-" + marker;
		var openSubstance = "zz-open-" + marker;
		var closed = pill(session(month.atDay(12), LicenceCondition.NOT_FOR_LAW_ENFORCEMENT), marker,
				"closedcolour " + marker, closedSubstance, when);
		pill(session(month.atDay(12)), marker, "opencolour " + marker, openSubstance, when);
		// With an agreement the police could read the service's sessions; the licence
		// still
		// rules.
		var agreement = sharing
			.record(new SharingManagement.Draft("DSA-TEST-" + UUID.randomUUID(), "WM-CHECK", "WMP",
					Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING, "Test agreement",
					LocalDate.now().minusDays(1), null), "admin")
			.id();
		try {
			var readers = List.of(as("custody"), as("investigator"), policeWithGrants());
			int address = 0;
			for (var reader : readers) {
				for (var path : List.of("/drug-checking/board", "/drug-checking/board.csv", "/drug-checking/board.json",
						"/api/public/drug-checking/results")) {
					var body = mvc.perform(get(path).param("logo", marker).with(reader))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString();
					// The open session's result is there, so the filter finds the
					// marker's results.
					assertThat(body).as(path).containsIgnoringCase(openSubstance);
					assertThat(body).as(path)
						.doesNotContainIgnoringCase(closedSubstance)
						.doesNotContain("closedcolour");
				}
				var statistics = mvc
					.perform(get("/drug-checking/statistics").param("from", month.toString())
						.param("to", month.toString())
						.with(reader))
					.andReturn()
					.getResponse();
				assertThat(statistics.getStatus()).isIn(200, 403);
				assertThat(statistics.getContentAsString()).doesNotContainIgnoringCase(closedSubstance);
				var lookup = mvc
					.perform(post("/drug-checking/results").with(csrf())
						.with(from("10.77.0." + (++address)))
						.with(reader)
						.param("code", closed.code()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(lookup).contains("No result to show for this code yet")
					.doesNotContainIgnoringCase(closedSubstance)
					.doesNotContain("Advice " + closedSubstance);
				var api = mvc.perform(get("/api/drug-checking/samples/{id}", closed.id()).with(reader))
					.andReturn()
					.getResponse();
				assertThat(api.getStatus()).isIn(200, 403);
				assertThat(api.getContentAsString()).doesNotContainIgnoringCase(closedSubstance)
					.doesNotContain(closed.code());
			}
			// Published results can be read by anyone, police included: such a session's
			// results are never published, not even anonymously.
			var anonymous = mvc.perform(get("/api/public/drug-checking/results").param("logo", marker))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(anonymous).containsIgnoringCase(openSubstance).doesNotContainIgnoringCase(closedSubstance);
			// The person themselves still looks up their own result, and health staff see
			// it.
			mvc.perform(
					post("/drug-checking/results").with(csrf()).with(from("10.77.1.1")).param("code", closed.code()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Advice " + closedSubstance)));
			mvc.perform(get("/drug-checking/samples/{id}", closed.id()).with(as("analyst")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(closedSubstance)));
		}
		finally {
			sharing.end(agreement, "admin");
		}
	}

	long samplesIn(UUID session) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.sample WHERE session_id = ?")
			.param(session)
			.query(Long.class)
			.single();
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.with(csrf()).with(as("analyst")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void anUnder18SampleIsRefusedAtIntakeWhereTheLicenceSaysAdultsOnly() throws Exception {
		var adults = session(LocalDate.of(2026, 8, 2), LicenceCondition.ADULTS_ONLY);

		// The web form.
		mvc.perform(post("/drug-checking/sessions/{id}/samples", adults).with(as("analyst"))
			.with(csrf())
			.param("clientId", UUID.randomUUID().toString())
			.param("mode", "FRONT_OF_HOUSE")
			.param("soldAs", "MDMA")
			.param("form", "POWDER")
			.param("consent", "true")
			.param("ageBand", "UNDER_18"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#ageBand\"")))
			.andExpect(content().string(containsString("a sample from someone under 18 cannot be taken in")));

		// The API.
		mvc.perform(json(post("/api/drug-checking/sessions/{id}/samples", adults), """
				{"clientId": "%s", "mode": "FRONT_OF_HOUSE", "soldAs": "MDMA", "form": "POWDER", "consent": true,
				 "ageBand": "UNDER_18"}""".formatted(UUID.randomUUID())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("ageBand")));

		// Field sync: the batch is refused whole, naming the record.
		var minor = UUID.randomUUID();
		var adult = UUID.randomUUID();
		mvc.perform(json(post("/api/drug-checking/sync"),
				"""
						{"sessionId": "%s", "records": [
						 {"kind":"sample","clientId":"%s","mode":"FRONT_OF_HOUSE","soldAs":"MDMA","form":"POWDER","consent":true,"ageBand":"AGE_18_24"},
						 {"kind":"sample","clientId":"%s","mode":"FRONT_OF_HOUSE","soldAs":"MDMA","form":"POWDER","consent":true,"ageBand":"UNDER_18"}]}"""
					.formatted(adults, adult, minor)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("records[1].ageBand")));
		assertThat(samplesIn(adults)).isZero();

		// An adult's sample is taken in; without the condition no age band is asked.
		mvc.perform(json(post("/api/drug-checking/sessions/{id}/samples", adults), """
				{"clientId": "%s", "mode": "FRONT_OF_HOUSE", "soldAs": "MDMA", "form": "POWDER", "consent": true,
				 "ageBand": "AGE_25_34"}""".formatted(UUID.randomUUID()))).andExpect(status().isCreated());
		assertThat(samplesIn(adults)).isOne();

		// The lookup of a code without a result promises no wait (for a refused sample
		// there is none to wait for).
		mvc.perform(post("/drug-checking/results").with(csrf()).with(from("10.77.2.1")).param("code", "WM-2222-2223"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No result to show for this code yet")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("few days"))));
	}

}
