package org.harmwatch.drugchecking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drug checking's forms in the platform's web idiom: text that cannot be read and broken
 * rules are answered 422 with each field's message from the bundle, on the form drawn
 * again, and nothing is stored.
 */
@HarmwatchIntegrationTest
class DrugCheckingFormsIntegrationTests {

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
	JdbcClient jdbc;

	RequestPostProcessor analyst() {
		return user(users.loadUserByUsername("analyst"));
	}

	UUID session() {
		return sessionManagement.createSession(
				new SessionDraft("Forms site " + UUID.randomUUID(), SiteKind.FESTIVAL, BIRMINGHAM, "Forms session",
						LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), "Chemist F", Set.of()),
				"analyst", "WM-CHECK", Instant.now());
	}

	SampleView sample(UUID session) {
		return sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA",
				DosageForm.PILL, null, null, null, null, null, BIRMINGHAM, null, true, null), "analyst", Instant.now());
	}

	long count(String sql, Object parameter) {
		return jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	@Test
	void aSessionFormWithTextThatCannotBeReadAndBrokenRulesIsDrawnAgainWith422AndStoresNothing() throws Exception {
		var site = "Unreadable site " + UUID.randomUUID();
		mvc.perform(post("/drug-checking/sessions").with(analyst())
			.with(csrf())
			.param("siteName", site)
			.param("siteKind", "CASTLE")
			.param("name", "")
			.param("startsOn", "2026-13-45")
			.param("endsOn", "2026-07-01")
			.param("staff", "Chemist")
			.param("conditions", "NO_SUCH_CONDITION"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<title>There is a problem: New checking session")))
			// Bean Validation's messages, from the bundle…
			.andExpect(content().string(containsString("Choose a kind of site from the list.")))
			.andExpect(content().string(containsString("Enter a date like 2026-07-18.")))
			.andExpect(content().string(containsString("Not a licence condition.")))
			// …and the module's rule for a field the form could read, linked from the
			// summary.
			.andExpect(content().string(containsString("href=\"#name\"")))
			.andExpect(content().string(containsString("Enter the session&#39;s name.")))
			// What was typed is shown again.
			.andExpect(content().string(containsString("value=\"" + site + "\"")));
		assertThat(count("SELECT count(*) FROM drugchecking.site WHERE name = ?", site)).isZero();
	}

	@Test
	void aSampleWhoseWeightIsNotANumberIsRefusedWithTheFieldMessage() throws Exception {
		var session = session();
		mvc.perform(post("/drug-checking/sessions/{id}/samples", session).with(analyst())
			.with(csrf())
			.param("clientId", UUID.randomUUID().toString())
			.param("mode", "FRONT_OF_HOUSE")
			.param("soldAs", "MDMA")
			.param("form", "PILL")
			.param("pillWeightMg", "heavy")
			.param("consent", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a number, like 120 or 12.5.")))
			.andExpect(content().string(containsString("href=\"#pillWeightMg\"")))
			.andExpect(content().string(containsString("value=\"heavy\"")));
		assertThat(count("SELECT count(*) FROM drugchecking.sample WHERE session_id = ?", session)).isZero();

		// Without consent, a rule of the module rather than of the form.
		mvc.perform(post("/drug-checking/sessions/{id}/samples", session).with(analyst())
			.with(csrf())
			.param("clientId", UUID.randomUUID().toString())
			.param("mode", "FRONT_OF_HOUSE")
			.param("soldAs", "MDMA")
			.param("form", "POWDER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A sample from a person is only tested with their consent.")));
		assertThat(count("SELECT count(*) FROM drugchecking.sample WHERE session_id = ?", session)).isZero();
	}

	@Test
	void aResultWithAnUnreadableQuantityAndAComponentWithoutItsConfidenceIsRefused() throws Exception {
		var sample = sample(session());
		mvc.perform(post("/drug-checking/samples/{id}/results", sample.id()).with(analyst())
			.with(csrf())
			.param("components[0].text", "MDMA")
			.param("components[0].quantity", "lots")
			.param("components[0].unit", "MG_PER_UNIT")
			.param("components[0].basis", "SALT")
			.param("components[0].confidence", "CONFIRMED")
			.param("components[0].method", "FTIR")
			.param("components[1].text", "caffeine")
			.param("components[1].method", "FTIR")
			.param("_confirmed", "on")
			.param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a number, like 120 or 12.5.")))
			.andExpect(content().string(containsString("Choose how sure you are of component 2.")))
			.andExpect(content().string(containsString("href=\"#components[1].confidence\"")))
			.andExpect(content().string(containsString("value=\"lots\"")));
		assertThat(count("SELECT count(*) FROM drugchecking.result WHERE sample_id = ?", sample.id())).isZero();

		// A row far beyond the form's is ignored, not grown into a list (nor a failure of
		// the server): only the first row is recorded.
		mvc.perform(post("/drug-checking/samples/{id}/results", sample.id()).with(analyst())
			.with(csrf())
			.param("components[0].text", "MDMA")
			.param("components[0].confidence", "CONFIRMED")
			.param("components[0].method", "FTIR")
			.param("components[100000].text", "caffeine")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				SELECT c.text FROM drugchecking.component c JOIN drugchecking.result r ON r.id = c.result_id
				WHERE r.sample_id = ?""").param(sample.id()).query(String.class).list()).containsExactly("MDMA");
	}

	@Test
	void aConsultationWithoutAdviceOrWithAnUnknownChangeIsRefused() throws Exception {
		var sample = sample(session());
		resultManagement.recordResult(sample.id(),
				new ResultDraft(List
					.of(new ComponentDraft("MDMA", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)), true,
						null),
				"Analyst", Instant.now());
		mvc.perform(post("/drug-checking/samples/{id}/consultation", sample.id()).with(analyst())
			.with(csrf())
			.param("advice", " ")
			.param("disposed", "yes"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the advice given.")))
			.andExpect(content().string(containsString("href=\"#advice\"")));
		mvc.perform(post("/drug-checking/samples/{id}/consultation", sample.id()).with(analyst())
			.with(csrf())
			.param("advice", "Take half.")
			.param("intendedChange", "DANCE_MORE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose an intended change from the list.")));
		assertThat(count("SELECT count(*) FROM drugchecking.consultation WHERE sample_id = ?", sample.id())).isZero();
	}

	@Test
	void theApiNamesTheValuesAllowedInItsOwnWordsWith422() throws Exception {
		var site = "API site " + UUID.randomUUID();
		mvc.perform(post("/api/drug-checking/sessions").with(analyst())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"siteName\": \"" + site + "\", \"siteKind\": \"CASTLE\", \"name\": \"API session\","
					+ " \"startsOn\": \"2026-08-01\", \"endsOn\": \"2026-07-01\", \"staff\": \"Chemist\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'siteKind')].message")
				.value(hasItem("Must be one of [FESTIVAL, NIGHT_TIME_DISTRICT, FIXED_SITE, POSTAL].")))
			.andExpect(jsonPath("$.errors[?(@.field == 'endsOn')].message")
				.value(hasItem("The last day cannot be before the first.")))
			.andExpect(jsonPath("$.errors[*].message").value(not(hasItem(containsString("drugchecking.")))));
		assertThat(count("SELECT count(*) FROM drugchecking.site WHERE name = ?", site)).isZero();
	}

	@Test
	void theLookupWithoutACodeIsDrawnAgainWith422() throws Exception {
		mvc.perform(post("/drug-checking/results").with(csrf()).with(request -> {
			request.setRemoteAddr("10.77.0.1");
			return request;
		}).param("code", "  "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the code from your label")))
			.andExpect(content().string(containsString("href=\"#code\"")));
	}

}
