package org.harmwatch.consumptionrooms;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The council set-up page (issue 16 item 9): an administrator sees every district with
 * the council agency answering for it and its service level, and changes them, each
 * change audited and shown on the recording-quality page; nobody else reaches it, and a
 * bad value changes nothing.
 */
@HarmwatchIntegrationTest
class NeedleCouncilsIntegrationTests {

	/** Walsall: no other test sets its council. */
	static final String WALSALL = "E08000030";

	/** Sandwell: the hostile values are sent for it, and it stays as it was. */
	static final String SANDWELL = "E08000028";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Map<String, Object> council(String lad) {
		return jdbc.sql("SELECT agency_code, service_level_hours FROM consumptionrooms.council WHERE lad_code = ?")
			.param(lad)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

	long audits(String lad) {
		return jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'NEEDLE_COUNCIL_SET' AND record_id = ?")
			.param(lad)
			.query(Long.class)
			.single();
	}

	static String row(String page, String lad) {
		var row = Pattern.compile("data-district=\"" + lad + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("row of " + lad).isTrue();
		return row.group(1);
	}

	@Test
	void anAdministratorSetsADistrictsCouncilAndServiceLevelAndTheQualityPageShowsIt() throws Exception {
		var page = mvc.perform(get("/needles/councils").with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Every district of the region is listed, Coventry with its council.
		for (var lad : List.of("E08000025", "E08000026", "E08000027", SANDWELL, "E08000029", WALSALL, "E08000031")) {
			assertThat(page).contains("data-district=\"" + lad + "\"");
		}
		var form = mvc.perform(get("/needles/councils").param("district", WALSALL).with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Only council agencies are offered: not the police, not a clinic.
		assertThat(form).contains("Change who answers for Walsall")
			.contains("<option value=\"COV-ENV\"")
			.contains("<option value=\"BCC-PH\"")
			.doesNotContain("<option value=\"WMP\"")
			.doesNotContain("<option value=\"BHM-OPC\"");

		long before = audits(WALSALL);
		mvc.perform(post("/needles/councils").with(as("admin"))
			.with(csrf())
			.param("ladCode", WALSALL)
			.param("agencyCode", "BCC-PH")
			.param("serviceLevelHours", "72"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/needles/councils"))
			.andExpect(flash().attribute("notice", "consumptionrooms.councils.changed"));
		assertThat(council(WALSALL)).containsEntry("agency_code", "BCC-PH").containsEntry("service_level_hours", 72);
		assertThat(audits(WALSALL)).isEqualTo(before + 1);
		assertThat(jdbc.sql("""
				SELECT actor || ' ' || outcome || ' ' || purpose || ' ' || detail FROM platform.audit_event
				WHERE action = 'NEEDLE_COUNCIL_SET' AND record_id = ? ORDER BY seq DESC LIMIT 1""")
			.param(WALSALL)
			.query(String.class)
			.single()).endsWith("-> BCC-PH 72 h").startsWith("admin ALLOWED ADMINISTRATION ");
		assertThat(row(
				mvc.perform(get("/needles/councils").with(as("admin"))).andReturn().getResponse().getContentAsString(),
				WALSALL))
			.contains("(BCC-PH)")
			.contains("72 hours");

		// The recording-quality page shows the council and its service level.
		var quality = mvc.perform(get("/needles/quality").with(as("commissioner")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row(quality, WALSALL)).contains("Walsall (BCC-PH)").contains(">72</td>");

		// The same again changes nothing and is not audited again; a new level is.
		mvc.perform(post("/needles/councils").with(as("admin"))
			.with(csrf())
			.param("ladCode", WALSALL)
			.param("agencyCode", "BCC-PH")
			.param("serviceLevelHours", "72"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "consumptionrooms.councils.unchanged"));
		assertThat(audits(WALSALL)).isEqualTo(before + 1);
		mvc.perform(post("/needles/councils").with(as("admin"))
			.with(csrf())
			.param("ladCode", WALSALL)
			.param("agencyCode", "BCC-PH")
			.param("serviceLevelHours", "2160")).andExpect(status().is3xxRedirection());
		assertThat(council(WALSALL)).containsEntry("service_level_hours", 2160);
		assertThat(audits(WALSALL)).isEqualTo(before + 2);
		assertThat(row(mvc.perform(get("/needles/quality").with(as("commissioner")))
			.andReturn()
			.getResponse()
			.getContentAsString(), WALSALL)).contains(">2160</td>");
	}

	@Test
	void nobodyElseSeesOrChangesTheCouncils() throws Exception {
		var before = council(SANDWELL);
		for (var username : List.of("auditor", "commissioner", "sweeper", "clinic", "constable", "coordinator")) {
			mvc.perform(get("/needles/councils").with(as(username))).andExpect(status().isForbidden());
			mvc.perform(post("/needles/councils").with(as(username))
				.with(csrf())
				.param("ladCode", SANDWELL)
				.param("agencyCode", "COV-ENV")
				.param("serviceLevelHours", "24")).andExpect(status().isForbidden());
		}
		mvc.perform(get("/needles/councils")).andExpect(status().is3xxRedirection());
		assertThat(council(SANDWELL)).isEqualTo(before);
	}

	@Test
	void theAdministrationSectionLeadsAdministratorsOnlyToThePage() throws Exception {
		assertThat(mvc.perform(get("/").with(as("admin"))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/needles/councils\"")
			.contains("Which council answers for needle reports in each district");
		for (var username : List.of("auditor", "commissioner", "sweeper", "clinic", "constable")) {
			assertThat(mvc.perform(get("/").with(as(username))).andReturn().getResponse().getContentAsString())
				.as(username)
				.doesNotContain("/needles/councils");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL",
			textBlock = """
					E08000028 | COV-ENV   | 0                    | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | 2161                 | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | -1                   | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | 1e3                  | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | 99999999999999999999 | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | <script>alert(1)</script> | serviceLevelHours | Enter the service level in whole hours, from 1 to 2160
					E08000028 | COV-ENV   | NULL                 | serviceLevelHours | Enter the service level in hours
					E08000028 | WMP       | 24                   | agencyCode        | Choose a council agency from the list
					E08000028 | BHM-OPC   | 24                   | agencyCode        | Choose a council agency from the list
					E08000028 | <script>  | 24                   | agencyCode        | Choose a council agency from the list
					E08000028 | ' OR 1=1  | 24                   | agencyCode        | Choose a council agency from the list
					E08000028 | NULL      | 24                   | agencyCode        | Choose the council that answers for the district
					E99999999 | COV-ENV   | 24                   | ladCode           | That district is not in the region
					E05015925 | COV-ENV   | 24                   | ladCode           | That district is not in the region
					<script>  | COV-ENV   | 24                   | ladCode           | That district is not in the region
					""")
	void aBadValueIsNamedOnItsFieldAndChangesNothing(String lad, String agency, String hours, String field,
			String message) throws Exception {
		var before = council(SANDWELL);
		long audited = audits(lad);
		var request = post("/needles/councils").with(as("admin")).with(csrf()).param("ladCode", lad);
		if (agency != null) {
			request.param("agencyCode", agency);
		}
		if (hours != null) {
			request.param("serviceLevelHours", hours);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		var page = response.getContentAsString();
		assertThat(page).contains("href=\"#" + field + "\"").contains(message).doesNotContain("<script>alert(1)");
		assertThat(council(SANDWELL)).isEqualTo(before);
		assertThat(audits(lad)).isEqualTo(audited);
	}

}
