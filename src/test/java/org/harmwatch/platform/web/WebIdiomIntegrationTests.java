package org.harmwatch.platform.web;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web idiom end to end (ADR 9): a form drawn again with errors answers 422 with the
 * error summary linking to each field, without its controller setting the status; a
 * service's rejection shows on the form; what does not exist is 404 as a page for people
 * and as problem+json for programs, in words from the bundles.
 */
@HarmwatchIntegrationTest
class WebIdiomIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aBadFormPostAnswers422WithTheErrorSummaryLinkingToTheField() throws Exception {
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", "IDIOM-1")
			.param("name", " ")
			.param("type", "POLICE_FORCE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("class=\"govuk-error-summary\"")))
			.andExpect(content().string(containsString("<a href=\"#name\">")))
			.andExpect(content().string(containsString("id=\"name-error\"")));
	}

	@Test
	void aServicesRejectionShowsOnItsFieldWithTheWordsFromTheBundle() throws Exception {
		// WMP exists in the demo data: AgencyManagement rejects the code with a message
		// code and the code as argument.
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", "wmp")
			.param("name", "Another police force")
			.param("type", "POLICE_FORCE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("<a href=\"#code\">An agency with code WMP already exists.</a>")))
			.andExpect(content().string(not(containsString("admin.agency.error.codeTaken"))));
	}

	@Test
	void whatDoesNotExistIsAPageForPeopleAndProblemJsonForPrograms() throws Exception {
		mvc.perform(get("/substances/no-such-substance").with(as("frontline")).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("There is no substance with the code no-such-substance.")));
		mvc.perform(get("/api/substances/no-such-substance").with(as("frontline")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("There is no substance with the code no-such-substance."));
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

}
