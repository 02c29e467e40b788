package org.harmwatch.consumptionrooms;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.RegionSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An Open311 GeoReport v2 client's round trip over real HTTP: service discovery, a
 * form-encoded POST of a request with a location and a media URL, then the request's
 * status after the council's sweep, in XML and JSON; and the specification's errors.
 */
@HarmwatchIntegrationTest
class Open311RoundTripIntegrationTests {

	/** Coventry, whose council sweeps in the demo data. */
	static final String COVENTRY = "E08000026";

	@LocalServerPort
	int port;

	@Autowired
	NeedleManagement needles;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionSettings region;

	GeoReportClient client;

	@BeforeEach
	void councilSweepsCoventry() {
		client = new GeoReportClient("http://localhost:" + port + "/open311/v2");
		needles.setCouncil(COVENTRY, "COV-ENV", 48, "test");
	}

	@Test
	void discoveryPostAndStatusAfterASweep() throws Exception {
		// Discovery: the one service, in XML (required) and JSON.
		var services = client.get("/services.xml");
		assertThat(services.status()).isEqualTo(200);
		assertThat(services.contentType()).startsWith("text/xml").contains("UTF-8");
		assertThat(services.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		assertThat(services.xmlRoot()).isEqualTo("services");
		var service = services.xmlRecords().getFirst();
		assertThat(service).containsEntry("service_code", "NEEDLES")
			.containsEntry("metadata", "false")
			.containsEntry("type", "realtime")
			.containsKeys("service_name", "description", "keywords", "group");
		var servicesJson = client.get("/services.json");
		assertThat(JsonPath.<String>read(servicesJson.body(), "$[0].service_code")).isEqualTo("NEEDLES");

		// POST a request as a client would: form-encoded, with a location and a media
		// URL,
		// and the reporter's details, which are not kept.
		var form = new LinkedHashMap<String, String>();
		form.put("api_key", "fixmystreet-demo");
		form.put("service_code", "NEEDLES");
		form.put("lat", "52.40812");
		form.put("long", "-1.51053");
		form.put("description", "Three syringes behind the bench by the bus stop");
		form.put("media_url", "https://fixmystreet.example/photo/123.jpeg");
		form.put("email", "reporter@example.org");
		form.put("first_name", "Robin");
		form.put("device_id", "abc-123");
		var posted = client.post("/requests.json", form);
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		String id = JsonPath.read(posted.body(), "$[0].service_request_id");
		assertThat(id).matches("\\d+");
		assertThat(JsonPath.<String>read(posted.body(), "$[0].service_notice")).isNotBlank();
		var stored = jdbc.sql("SELECT * FROM consumptionrooms.needle_report WHERE reference = ?")
			.param(Long.parseLong(id))
			.query()
			.singleRow();
		assertThat(stored).containsEntry("owner_agency", "COV-ENV")
			.containsEntry("lad_code", COVENTRY)
			.containsEntry("media_url", "https://fixmystreet.example/photo/123.jpeg")
			.containsEntry("channel", "OPEN311");
		assertThat(stored.values().toString()).doesNotContain("reporter@example.org", "Robin", "abc-123");

		// Open until the council sweeps.
		var before = client.get("/requests/" + id + ".xml").xmlRecords();
		assertThat(before).hasSize(1);
		assertThat(before.getFirst()).containsEntry("service_request_id", id)
			.containsEntry("status", "open")
			.containsEntry("service_code", "NEEDLES")
			.containsEntry("lat", "52.408")
			.containsEntry("long", "-1.511")
			.containsEntry("media_url", "https://fixmystreet.example/photo/123.jpeg")
			.containsKey("requested_datetime")
			.containsKey("expected_datetime")
			.doesNotContainKey("description");
		assertThat(before.getFirst().get("agency_responsible")).contains("Coventry");

		// The council's sweeper records the sweep on its page.
		var reportId = jdbc.sql("SELECT id FROM consumptionrooms.needle_report WHERE reference = ?")
			.param(Long.parseLong(id))
			.query(UUID.class)
			.single();
		var now = ZonedDateTime.now(region.timeZone()).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(post("/needles/reports/" + reportId + "/sweeps").with(csrf())
			.with(user(users.loadUserByUsername("sweeper")))
			.param("found", "YES")
			.param("collected", "3")
			.param("sweptOn", now.toLocalDate().toString())
			.param("sweptTime", now.toLocalTime().toString())).andExpect(status().is3xxRedirection());

		// The client sees it closed, with the sweep's notes, in XML and JSON, alone and
		// in
		// the list filtered by status.
		var after = client.get("/requests/" + id + ".xml").xmlRecords().getFirst();
		assertThat(after).containsEntry("status", "closed");
		assertThat(after.get("status_notes")).contains("Collected 3 needles");
		var json = client.get("/requests/" + id + ".json");
		assertThat(json.contentType()).startsWith("application/json");
		assertThat(JsonPath.<String>read(json.body(), "$[0].status")).isEqualTo("closed");
		var closed = client.get("/requests.json?status=closed&service_code=NEEDLES&service_request_id=" + id);
		assertThat(JsonPath.<List<String>>read(closed.body(), "$[*].service_request_id")).containsExactly(id);
		var open = client.get("/requests.json?status=open&service_request_id=" + id);
		assertThat(JsonPath.<List<String>>read(open.body(), "$[*].service_request_id")).isEmpty();
		var recent = client.get("/requests.xml?start_date=2000-01-01T00:00:00Z");
		assertThat(recent.xmlRoot()).isEqualTo("service_requests");
		assertThat(recent.xmlRecords()).extracting(r -> r.get("service_request_id")).contains(id);
	}

	@Test
	void errorsAreTheSpecificationsErrorDocuments() throws Exception {
		var noCode = client.post("/requests.xml", Map.of("lat", "52.40812", "long", "-1.51053"));
		assertThat(noCode.status()).isEqualTo(400);
		assertThat(noCode.xmlRoot()).isEqualTo("errors");
		assertThat(noCode.xmlRecords().getFirst()).containsEntry("code", "400").containsKey("description");

		var unknown = client.post("/requests.json", Map.of("service_code", "POTHOLES", "lat", "52.4", "long", "-1.5"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(JsonPath.<Integer>read(unknown.body(), "$[0].code")).isEqualTo(400);
		assertThat(JsonPath.<String>read(unknown.body(), "$[0].description")).contains("service_code");

		var nowhere = client.post("/requests.json", Map.of("service_code", "NEEDLES", "lat", "40.7", "long", "-74.0"));
		assertThat(nowhere.status()).isEqualTo(400);
		assertThat(JsonPath.<String>read(nowhere.body(), "$[0].description")).contains("outside");

		var missing = client.get("/requests/999999999999.json");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(JsonPath.<Integer>read(missing.body(), "$[0].code")).isEqualTo(404);

		var badStatus = client.get("/requests.xml?status=maybe");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.xmlRoot()).isEqualTo("errors");

		var badDate = client.get("/requests.json?start_date=yesterday");
		assertThat(badDate.status()).isEqualTo(400);
	}

}
