package org.harmwatch.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class SecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sendsSecurityHeadersOnEveryPage() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void asksProgramsToAuthenticateWithAProblemDocument() throws Exception {
		mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Sign-in required"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void anApiCallWithNeitherTokenNorSessionIsAskedToAuthenticateNotForACsrfToken() throws Exception {
		mvc.perform(post("/api/analytics/alarms").contentType("application/json").content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void anApiCallRidingOnABrowserSessionStillNeedsItsCsrfToken() throws Exception {
		var signIn = mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user("coordinator")
				.password("harmwatch-demo"))
			.andReturn()
			.getResponse();
		var session = signIn.getCookie("SESSION");
		assertThat(session).as("signing in sets the session cookie").isNotNull();
		mvc.perform(post("/api/analytics/alarms").cookie(session).contentType("application/json").content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesAnUnknownApiTokenAndAuditsIt() throws Exception {
		mvc.perform(get("/api/me").header("Authorization", "Bearer hw_not-a-real-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("revoked")));
		var rejected = jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'API_TOKEN_REJECTED'")
			.query(Long.class)
			.single();
		assertThat(rejected).isPositive();
	}

	@Test
	void sendsPeopleWhoAreNotSignedInToTheSignInPage() throws Exception {
		mvc.perform(get("/audit").accept("text/html"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("/login")));
	}

	@Test
	void refusesFormsWithoutTheirCsrfToken() throws Exception {
		mvc.perform(post("/audit/verify").with(user(users.loadUserByUsername("auditor"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void auditsRefusedAccess() throws Exception {
		mvc.perform(get("/audit").with(user(users.loadUserByUsername("custody")))).andExpect(status().isForbidden());
		var denied = jdbc.sql("""
				SELECT count(*) FROM platform.audit_event
				WHERE action = 'ACCESS_DENIED' AND actor = 'custody' AND agency = 'WMP' AND outcome = 'DENIED'
				""").query(Long.class).single();
		assertThat(denied).isPositive();
	}

	@Test
	void answersUnknownApiPathsWithAProblemDocument() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/no-such-thing"))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception").doesNotContain("trace");
	}

	@Test
	void answersUnknownPagesWithAnAccessibleErrorPageThatLeaksNothing() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found")
			.contains("<html lang=\"en\"")
			.doesNotContain("Exception")
			.doesNotContain("org.springframework");
	}

}
