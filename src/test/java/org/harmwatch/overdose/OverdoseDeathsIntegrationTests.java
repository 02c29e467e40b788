package org.harmwatch.overdose;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drug-related deaths on the real database: findings matching ONS's published West
 * Midlands registrations (1993–2020), some registered a year after the death, some not
 * drug deaths and some not yet registered, reproduce ONS's figures in the view by year of
 * registration, while the view by year of death differs; misuse follows the definition;
 * bad findings are refused whole with a 422; police may not record them.
 */
@HarmwatchIntegrationTest
class OverdoseDeathsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DeathsManagement deaths;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	/** The published figures, read from the file independently of the application. */
	static Map<String, Map<Integer, Integer>> published() throws Exception {
		var result = new HashMap<String, Map<Integer, Integer>>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("overdose/ons-drug-poisoning-registrations-west-midlands.csv").getInputStream(),
				StandardCharsets.UTF_8))) {
			var lines = reader.lines().filter(l -> !l.startsWith("#")).toList();
			var header = lines.get(0).split(",");
			for (var line : lines.subList(1, lines.size())) {
				var cells = line.split(",");
				var years = new HashMap<Integer, Integer>();
				for (int i = 2; i < cells.length; i++) {
					years.put(Integer.valueOf(header[i]), Integer.valueOf(cells[i]));
				}
				result.put(cells[0], years);
			}
		}
		return result;
	}

	@Test
	void findingsMatchingOnsRegistrationsReproduceThemByRegistrationNotByDeath() throws Exception {
		var paramedic = staff("paramedic");
		var ons = published();
		assertThat(ons).hasSize(7);
		assertThat(ons.get("E08000025").get(2020)).isEqualTo(89);
		var run = UUID.randomUUID().toString().substring(0, 8);
		var findings = new ArrayList<DeathDraft>();
		var misuseRegistered = new HashMap<String, Integer>();
		var occurred = new HashMap<String, Integer>();
		int n = 0;
		for (var district : ons.entrySet()) {
			for (var year : district.getValue().entrySet()) {
				var registered = LocalDate.of(year.getKey(), 6, 15);
				for (int i = 0; i < year.getValue(); i++) {
					n++;
					// A third died the year before they were registered.
					var died = i % 3 == 0 ? LocalDate.of(year.getKey() - 1, 11, 20) : registered.minusDays(30);
					var cause = switch (i % 4) {
						case 0 -> "X42";
						case 1 -> "F11.2";
						case 2 -> "X44";
						default -> "x62";
					};
					Boolean controlled = i % 4 == 2 ? Boolean.FALSE : i % 4 == 3 ? null : Boolean.TRUE;
					findings.add(new DeathDraft("ONS-" + run + "-" + n, died, registered, district.getKey(), cause,
							List.of("heroin"), controlled));
					if (i % 4 <= 1) {
						misuseRegistered.merge(district.getKey() + year.getKey(), 1, Integer::sum);
					}
					occurred.merge(district.getKey() + died.getYear(), 1, Integer::sum);
				}
			}
			// Neither a drug death nor a registered one counts by registration.
			findings.add(new DeathDraft("NOT-" + run + "-" + district.getKey(), LocalDate.of(2015, 3, 1),
					LocalDate.of(2015, 3, 9), district.getKey(), "I21.9", List.of(), null));
			findings.add(new DeathDraft("UNREG-" + run + "-" + district.getKey(), LocalDate.of(2015, 3, 1), null,
					district.getKey(), "X42", List.of("heroin"), true));
			occurred.merge(district.getKey() + 2015, 1, Integer::sum);
		}
		assertThat(deaths.record(findings, paramedic)).isEqualTo(findings.size());
		// Sent again: nothing new.
		assertThat(deaths.record(findings.subList(0, 10), paramedic)).isZero();

		var table = deaths.table(1993, 2020, paramedic);
		int compared = 0;
		for (var row : table.rows()) {
			var published = ons.get(row.ladCode());
			if (published == null) {
				continue;
			}
			var key = row.ladCode() + row.year();
			assertThat(row.onsRegistered()).as(key).isEqualTo(published.get(row.year()));
			assertThat(row.poisoningRegistered()).as(key).isEqualTo(published.get(row.year()).longValue());
			assertThat(row.matchesOns()).as(key).isTrue();
			assertThat(row.misuseRegistered()).as(key).isEqualTo(misuseRegistered.getOrDefault(key, 0).longValue());
			assertThat(row.poisoningOccurred()).as(key).isEqualTo(occurred.getOrDefault(key, 0).longValue());
			compared++;
		}
		assertThat(compared).isEqualTo(7 * 28);
		// Counting by death is not counting by registration.
		assertThat(table.rows()).anyMatch(r -> r.poisoningOccurred() != r.poisoningRegistered());
		// The substances resolved through the vocabulary; the definition kept with each.
		assertThat(jdbc.sql("SELECT substance_classes::text FROM overdose.death_finding WHERE source_reference = ?")
			.param("ONS-" + run + "-1")
			.query(String.class)
			.single()).contains("OPIOID");

		mvc.perform(get("/overdose/deaths").param("from", "2018").param("to", "2020").with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Misuse of Drugs Act 1971")))
			.andExpect(content().string(containsString("Open Government Licence")))
			.andExpect(content().string(containsString("data-lad=\"E08000025\" data-year=\"2020\"")));
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'DEATHS_READ' AND actor = 'paramedic'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theApiRecordsFindingsAllOrNothingAndPoliceMayNot() throws Exception {
		var reference = "API-" + UUID.randomUUID();
		var good = """
				{"sourceReference": "%s", "dateOfDeath": "2019-12-30", "dateOfRegistration": "2020-04-02",
				 "ladCode": "E08000026", "underlyingCause": "X42", "substances": ["heroin", "pregabalin"],
				 "controlledUnderMisuseOfDrugsAct": true}""".formatted(reference);
		var bad = """
				{"sourceReference": "%s-2", "dateOfDeath": "2020-01-05", "dateOfRegistration": "2019-01-01",
				 "ladCode": "E08000026", "underlyingCause": "heroin"}""".formatted(reference);
		mvc.perform(post("/api/overdose/deaths").with(as("paramedic"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"findings\": [" + good + ", " + bad + "]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dateOfRegistration"))
			.andExpect(content().string(containsString("Finding 2")));
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.death_finding WHERE source_reference LIKE ?")
			.param(reference + "%")
			.query(Long.class)
			.single()).isZero();
		for (var wrong : List.of("{\"findings\": []}", "{\"findings\": [null]}",
				"{\"findings\": [{\"dateOfDeath\": \"yesterday\"}]}",
				"{\"findings\": [{\"sourceReference\": \"x\", \"dateOfDeath\": \"2020-01-01\", \"ladCode\": \"E99999999\", \"underlyingCause\": \"X42\"}]}")) {
			mvc.perform(post("/api/overdose/deaths").with(as("paramedic"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(wrong)).andExpect(status().isUnprocessableContent());
		}
		mvc.perform(post("/api/overdose/deaths").with(as("paramedic"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"findings\": [" + good + "]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		var stored = jdbc
			.sql("SELECT date_of_death::text, date_of_registration::text, drug_poisoning, drug_misuse "
					+ "FROM overdose.death_finding WHERE source_reference = ?")
			.param(reference)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
			.single();
		assertThat(stored).containsExactly("2019-12-30", "2020-04-02", true, true);

		// Police: deaths are health records.
		mvc.perform(post("/api/overdose/deaths").with(as("constable"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"findings\": [" + good.replace(reference, reference + "-police") + "]}"))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> deaths.record(
				List.of(new DeathDraft("P-1", LocalDate.of(2020, 1, 1), null, "E08000026", "X42", List.of(), true)),
				staff("constable")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> deaths.record(List.of(), staff("paramedic")))
			.isInstanceOf(InputRejectedException.class);
		mvc.perform(get("/overdose/deaths").param("from", "twenty").with(as("paramedic")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a year from 1900")));
	}

}
