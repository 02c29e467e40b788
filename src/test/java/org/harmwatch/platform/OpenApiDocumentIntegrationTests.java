package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The OpenAPI document against the running application: every operation it declares
 * public answers a caller without a token with something other than 401, and every
 * operation it declares as needing the token answers 401; open data and the public feeds
 * are in it and public; its description says what the application does.
 */
@HarmwatchIntegrationTest
class OpenApiDocumentIntegrationTests {

	@Autowired
	MockMvc mvc;

	JsonNode document() throws Exception {
		var json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		return JsonMapper.builder().build().readTree(json);
	}

	/** A path with each variable given a value that names nothing. */
	static String concrete(String path) {
		return path.replace("{reference}", "HW-1999-9999")
			.replace("{level}", "lad")
			.replaceAll("\\{[^}]*code[^}]*}", "E08000025")
			.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
	}

	static boolean declaresToken(JsonNode operation) {
		var security = operation.get("security");
		return security != null && !security.isEmpty();
	}

	@Test
	void theDocumentAndTheApplicationAgreeOnWhatIsPublic() throws Exception {
		var doc = document();
		assertThat(doc.has("security")).as("no blanket security requirement").isFalse();
		var failures = new ArrayList<String>();
		int publicOperations = 0;
		int tokenOperations = 0;
		for (var path : doc.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				var method = HttpMethod.valueOf(operation.getKey().toUpperCase());
				if (method != HttpMethod.GET) {
					// Writes need a token and CSRF aside; only their declaration is
					// checked.
					if (!declaresToken(operation.getValue())) {
						failures.add(method + " " + path.getKey() + " is declared public");
					}
					continue;
				}
				var status = mvc.perform(request(method, concrete(path.getKey())).header("Accept", "application/json"))
					.andReturn()
					.getResponse()
					.getStatus();
				if (declaresToken(operation.getValue())) {
					tokenOperations++;
					if (status != 401) {
						failures
							.add(method + " " + path.getKey() + " needs a token by the document, answered " + status);
					}
				}
				else {
					publicOperations++;
					if (status == 401 || status == 403) {
						failures.add(method + " " + path.getKey() + " is public by the document, answered " + status);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(publicOperations).isPositive();
		assertThat(tokenOperations).isPositive();
	}

	@Test
	void openDataAndThePublicFeedsAreDescribedAsPublic() throws Exception {
		var paths = document().get("paths");
		for (var path : List.of("/alerts/feed.atom", "/alerts/cap.atom", "/alerts/{reference}.cap",
				"/api/areas/{level}")) {
			assertThat(paths.has(path)).as(path).isTrue();
			assertThat(declaresToken(paths.get(path).get("get"))).as(path).isFalse();
		}
		assertThat(paths.get("/alerts/{reference}.cap").get("get").toString()).contains("version");
		assertThat(declaresToken(paths.get("/api/early-warning/alerts").get("get"))).isTrue();
		var description = document().get("info").get("description").asString();
		assertThat(description).contains("/api/early-warning/alerts").contains("needs a token");
	}

}
