package org.harmwatch.agency.web;

import java.util.List;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.internal.ApiClient;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class ApiClientAdminIntegrationTests {

	static final Pattern TOKEN = Pattern.compile("hw_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AgencyManagement agencies;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String uniqueName() {
		return "Test system " + System.nanoTime();
	}

	ApiClient clientNamed(String name) {
		return agencies.apiClients().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void issuesATokenOnceThatWorksUntilRevoked() throws Exception {
		var name = uniqueName();
		var page = mvc
			.perform(post("/admin/api-clients/new").with(as("admin"))
				.with(csrf())
				.param("name", name)
				.param("agency", "WM-CHECK")
				.param("grants", "DRUG_CHECKING:READ:HEALTH", "SUBSTANCES:READ:PUBLIC"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("It will not be shown again")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("the token is on the page").isTrue();
		var token = matcher.group();

		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agencyCode").value("WM-CHECK"))
			.andExpect(jsonPath("$.grants", hasItems("DRUG_CHECKING:READ:HEALTH", "SUBSTANCES:READ:PUBLIC")));

		var client = clientNamed(name);
		assertThat(token).startsWith(client.tokenPrefix());
		mvc.perform(get("/admin/api-clients").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(client.tokenPrefix() + "…")))
			.andExpect(content().string(not(containsString(token))));

		mvc.perform(get("/admin/api-clients/{id}/revoke", client.id()).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This cannot be undone")));
		mvc.perform(post("/admin/api-clients/{id}/revoke", client.id()).with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(clientNamed(name).revoked()).isTrue();
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesHealthGrantsForAPoliceSystemAndIssuesNothing() throws Exception {
		var name = uniqueName();
		var page = mvc
			.perform(post("/admin/api-clients/new").with(as("admin"))
				.with(csrf())
				.param("name", name)
				.param("agency", "WMP")
				.param("grants", "HAT_CLINIC:READ:HEALTH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("apiClientForm", "grants"))
			.andExpect(content().string(containsString("A police force may not hold health data")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the CSRF token and CSP nonce on the page are random base64url and may contain
		// "hw_" by chance; an issued token is the whole pattern
		assertThat(TOKEN.matcher(page).find()).as("no token on the refusal page").isFalse();
		assertThat(agencies.apiClients()).noneMatch(c -> c.name().equals(name));
	}

	@Test
	void needsANameAnAgencyAndAGrant() throws Exception {
		mvc.perform(post("/admin/api-clients/new").with(as("admin")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("apiClientForm", "name", "agency", "grants"))
			.andExpect(content().string(containsString("Tick at least one grant")));
	}

	@Test
	void theAuditorSeesClientsButCannotIssueOrRevoke() throws Exception {
		var issued = agencies.issueApiClient(uniqueName(), "BCC-PH",
				List.of(new Grant(Capability.ANALYTICS, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), "test");
		mvc.perform(get("/admin/api-clients").with(as("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(issued.client().name())))
			.andExpect(content().string(not(containsString("/revoke"))));
		mvc.perform(post("/admin/api-clients/new").with(as("auditor"))
			.with(csrf())
			.param("name", "Sneaky")
			.param("agency", "BCC-PH")
			.param("grants", "ANALYTICS:READ:PUBLIC_HEALTH_INTELLIGENCE")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/api-clients/{id}/revoke", issued.client().id()).with(as("auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(agencies.apiClient(issued.client().id()).revoked()).isFalse();
	}

}
