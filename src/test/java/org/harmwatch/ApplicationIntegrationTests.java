package org.harmwatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheSchemaOfEveryModule() {
		var schemas = jdbc.sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list();
		assertThat(schemas).contains("platform", "agency");
		var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("event_publication", "spring_session", "spring_session_attributes");
	}

	@Test
	void servesTheLandingPageAndLoginToEveryone() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void describesTheApiWithOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Harmwatch API"))
			.andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
			.andExpect(jsonPath("$.paths['/api/me'].get").exists());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

	@Test
	void reportsHealthForLoadBalancers() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

}
