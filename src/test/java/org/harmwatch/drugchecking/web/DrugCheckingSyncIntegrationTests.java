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
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleManagement;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The field mode's batch sync: records made offline are stored once by their client ids,
 * a re-sent batch changes nothing, an edit on a stale base is a conflict, bad input names
 * the record and field and stores nothing, and only drug-checking writers may sync.
 */
@HarmwatchIntegrationTest
class DrugCheckingSyncIntegrationTests {

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

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UUID festival(LicenceCondition... conditions) {
		return sessionManagement.createSession(new SessionDraft("Sync festival " + UUID.randomUUID(), SiteKind.FESTIVAL,
				BIRMINGHAM, "Sync tent " + UUID.randomUUID(), LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 19),
				"Chemist S", Set.of(conditions)), "analyst", "WM-CHECK", Instant.now());
	}

	static String sample(UUID clientId, String soldAs, String form) {
		return """
				{"kind":"sample","clientId":"%s","mode":"FRONT_OF_HOUSE","soldAs":"%s","form":"%s","consent":true,
				 "obtainedLadCode":"%s"}""".formatted(clientId, soldAs, form, BIRMINGHAM);
	}

	static String result(UUID clientId, UUID sampleClientId, int baseVersion, String text, String quantity,
			String method) {
		return """
				{"kind":"result","clientId":"%s","sampleClientId":"%s","baseVersion":%d,"confirmed":true,
				 "components":[{"text":"%s","quantity":%s,"unit":"MG_PER_UNIT","basis":"SALT","confidence":"CONFIRMED",
				 "method":"%s"}]}""".formatted(clientId, sampleClientId, baseVersion, text, quantity, method);
	}

	static String consultation(UUID clientId, UUID sampleClientId, String advice) {
		return """
				{"kind":"consultation","clientId":"%s","sampleClientId":"%s","advice":"%s","disposed":true,
				 "intendedChange":"TAKE_LESS"}""".formatted(clientId, sampleClientId, advice);
	}

	static String batch(UUID session, String... records) {
		return "{\"sessionId\":\"" + session + "\",\"records\":[" + String.join(",", records) + "]}";
	}

	org.springframework.test.web.servlet.ResultActions send(String json) throws Exception {
		return mvc.perform(post("/api/drug-checking/sync").with(as("analyst"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	long count(String sql, List<UUID> ids) {
		return jdbc.sql(sql).param(ids.stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single();
	}

	/**
	 * Rows for the samples: samples, results, components, consultations and published
	 * events.
	 */
	List<Long> footprint(List<UUID> sampleClientIds) {
		return List.of(
				count("SELECT count(*) FROM drugchecking.sample WHERE client_id::text = ANY (?)", sampleClientIds),
				count("""
						SELECT count(*) FROM drugchecking.result r JOIN drugchecking.sample s ON s.id = r.sample_id
						WHERE s.client_id::text = ANY (?)""", sampleClientIds),
				count("""
						SELECT count(*) FROM drugchecking.component c JOIN drugchecking.result r ON r.id = c.result_id
						JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.client_id::text = ANY (?)""",
						sampleClientIds),
				count("""
						SELECT coalesce(sum(version), 0) FROM drugchecking.result r
						JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.client_id::text = ANY (?)""",
						sampleClientIds),
				count("""
						SELECT count(*) FROM drugchecking.consultation c JOIN drugchecking.sample s ON s.id = c.sample_id
						WHERE s.client_id::text = ANY (?)""",
						sampleClientIds),
				count("""
						SELECT count(*) FROM event_publication e JOIN drugchecking.sample s
						  ON e.serialized_event LIKE '%' || s.id::text || '%' WHERE s.client_id::text = ANY (?)""",
						sampleClientIds));
	}

	@Test
	void aBatchOfThreeSamplesWithResultsIsStoredOnceAndResendingItChangesNothing() throws Exception {
		var session = festival(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT);
		var a = UUID.randomUUID();
		var b = UUID.randomUUID();
		var c = UUID.randomUUID();
		var ra = UUID.randomUUID();
		var rb = UUID.randomUUID();
		var rc = UUID.randomUUID();
		var ca = UUID.randomUUID();
		// Results before their samples: the server orders them.
		var json = batch(session, result(ra, a, 0, "MDMA", "240", "FTIR"), sample(a, "MDMA", "PILL"),
				sample(b, "ketamine", "POWDER"), result(rb, b, 0, "ketamine", "80", "RAMAN"),
				sample(c, "cocaine", "POWDER"), result(rc, c, 0, "cocaine", "60", "FTIR"),
				consultation(ca, a, "Take a quarter and wait."));

		send(json).andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(7))
			.andExpect(jsonPath("$.results[*].status")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("STORED"))))
			.andExpect(jsonPath("$.results[0].kind").value("result"))
			.andExpect(jsonPath("$.results[0].version").value(1))
			.andExpect(jsonPath("$.results[1].sample.code").value(org.hamcrest.Matchers.startsWith("WM-")));

		var samples = List.of(a, b, c);
		var stored = footprint(samples);
		// Three samples, three results of one component each (version 1), one
		// consultation, and the 240 mg pill's
		// DangerousSampleFound event.
		assertThat(stored).containsExactly(3L, 3L, 3L, 3L, 1L, 1L);
		assertThat(jdbc.sql("SELECT flags FROM drugchecking.result WHERE client_id = ?")
			.param(ra)
			.query(String.class)
			.single()).contains("HIGH_STRENGTH");
		assertThat(jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE client_id = ANY (?::uuid[])")
			.param("{" + ra + "," + rb + "," + rc + "}")
			.query(Long.class)
			.single()).isEqualTo(3);

		send(json).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[*].status")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("ALREADY_STORED"))))
			.andExpect(jsonPath("$.results[0].version").value(1));
		assertThat(footprint(samples)).isEqualTo(stored);
	}

	@Test
	void anEditOnAStaleBaseVersionIsAConflictAndChangesNothing() throws Exception {
		var session = festival();
		var s = UUID.randomUUID();
		var first = UUID.randomUUID();
		send(batch(session, sample(s, "MDMA", "PILL"), result(first, s, 0, "MDMA", "80", "FTIR")))
			.andExpect(status().isOk());
		// Another device records a lab confirmation: version 2.
		var sampleId = sampleManagement.sampleByClientId(s).orElseThrow().id();
		resultManagement.recordResult(sampleId,
				new ResultDraft(
						List.of(new ComponentDraft("MDMA", new java.math.BigDecimal("85"),
								org.harmwatch.drugchecking.QuantityUnit.MG_PER_UNIT,
								org.harmwatch.drugchecking.Basis.SALT, Confidence.CONFIRMED, AnalysisMethod.GC_MS)),
						true, null),
				"Lab", Instant.now());
		var before = footprint(List.of(s));

		// This device still thinks version 1 is current.
		send(batch(session, result(UUID.randomUUID(), s, 1, "MDMA", "90", "RAMAN"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("CONFLICT"))
			.andExpect(jsonPath("$.results[0].version").value(2))
			.andExpect(jsonPath("$.results[0].serverResult.components[0].method").value("GC_MS"))
			.andExpect(jsonPath("$.results[0].reason").value(containsString("another device")));
		// The same client id with different content is a conflict too.
		send(batch(session, result(first, s, 0, "MDMA", "95", "FTIR"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("CONFLICT"))
			.andExpect(jsonPath("$.results[0].serverResult.components[0].quantity").value(80.0));
		assertThat(footprint(List.of(s))).isEqualTo(before);

		// Keeping mine: re-sent as a new edit on the server's version.
		send(batch(session, result(UUID.randomUUID(), s, 2, "MDMA", "90", "RAMAN"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("STORED"))
			.andExpect(jsonPath("$.results[0].version").value(3));
	}

	@Test
	void aResultCorrectedOnTheDeviceBeforeItSyncedIsStoredAsTheNextVersionOnce() throws Exception {
		var session = festival();
		var s = UUID.randomUUID();
		var first = UUID.randomUUID();
		var correction = UUID.randomUUID();
		// Offline, the analyst records a result and then corrects it: the device sends
		// the correction on top of the
		// version its first result will become (base 1), in the same batch.
		var json = batch(session, sample(s, "MDMA", "PILL"), result(first, s, 0, "MDMA", "80", "FTIR"),
				result(correction, s, 1, "MDMA", "120", "GC_MS"));
		send(json).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[1].status").value("STORED"))
			.andExpect(jsonPath("$.results[1].version").value(1))
			.andExpect(jsonPath("$.results[2].status").value("STORED"))
			.andExpect(jsonPath("$.results[2].version").value(2));
		var stored = footprint(List.of(s));
		assertThat(jdbc
			.sql("""
					SELECT r.version || ' ' || c.method FROM drugchecking.result r JOIN drugchecking.component c ON c.result_id = r.id
					JOIN drugchecking.sample x ON x.id = r.sample_id WHERE x.client_id = ? ORDER BY r.version""")
			.param(s)
			.query(String.class)
			.list()).containsExactly("1 FTIR", "2 GC_MS");

		// Sent again (the answer was lost): nothing changes.
		send(json).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[2].status").value("ALREADY_STORED"))
			.andExpect(jsonPath("$.results[2].version").value(2));
		assertThat(footprint(List.of(s))).isEqualTo(stored);
	}

	@Test
	void aConsultationRecordedOnAnotherDeviceIsAConflict() throws Exception {
		var session = festival();
		var s = UUID.randomUUID();
		var mine = UUID.randomUUID();
		send(batch(session, sample(s, "ketamine", "POWDER"), consultation(mine, s, "Start low.")))
			.andExpect(status().isOk());
		send(batch(session, consultation(UUID.randomUUID(), s, "Do not mix with alcohol."))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("CONFLICT"))
			.andExpect(jsonPath("$.results[0].serverConsultation.advice").value("Start low."))
			.andExpect(jsonPath("$.results[0].serverConsultationClientId").value(mine.toString()));
		assertThat(jdbc.sql(
				"SELECT advice FROM drugchecking.consultation c JOIN drugchecking.sample s ON s.id = c.sample_id WHERE s.client_id = ?")
			.param(s)
			.query(String.class)
			.single()).isEqualTo("Start low.");
	}

	@Test
	void badInputIsAProblemNamingTheRecordAndFieldAndStoresNothing() throws Exception {
		var session = festival(LicenceCondition.ADULTS_ONLY);
		var good = UUID.randomUUID();
		var bad = UUID.randomUUID();
		var badResult = UUID.randomUUID();
		send(batch(session,
				sample(good, "MDMA", "PILL").replace("\"consent\":true", "\"consent\":true,\"ageBand\":\"AGE_18_24\""),
				sample(bad, "", "POWDER"), result(badResult, bad, 0, "cocaine", "60", "XRAY")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Nothing of the batch was stored")))
			.andExpect(jsonPath("$.errors[?(@.clientId == '" + bad + "')].field").value(hasItem("soldAs")))
			.andExpect(jsonPath("$.errors[?(@.clientId == '" + bad + "')].field").value(hasItem("ageBand")))
			.andExpect(jsonPath("$.errors[?(@.clientId == '" + badResult + "')].field")
				.value(hasItem("components[0].method")))
			.andExpect(jsonPath("$.errors[?(@.clientId == '" + badResult + "')].record").value(hasItem(2)))
			.andExpect(jsonPath("$.errors[?(@.clientId == '" + good + "')]").isEmpty());
		assertThat(footprint(List.of(good, bad))).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);

		// A result for a sample the server does not know, and a record of no known kind.
		send(batch(session, result(UUID.randomUUID(), UUID.randomUUID(), 0, "MDMA", "80", "FTIR"),
				"{\"kind\":\"photo\",\"clientId\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("sampleClientId"))
			.andExpect(jsonPath("$.errors[1].field").value("kind"));
	}

	/**
	 * Field mode pre-selects no confidence or method: a component sent without them (left
	 * at "Choose") is refused on sync, naming the field, and nothing is stored.
	 */
	@Test
	void aComponentWithoutItsConfidenceOrMethodIsRefusedOnSync() throws Exception {
		var session = festival();
		var s = UUID.randomUUID();
		var unchosen = result(UUID.randomUUID(), s, 0, "MDMA", "90", "FTIR")
			.replace(",\"confidence\":\"CONFIRMED\"", "")
			.replace("\"method\":\"FTIR\"", "\"method\":null");
		send(batch(session, sample(s, "MDMA", "PILL"), unchosen)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers
				.containsInAnyOrder("records[1].components[0].confidence", "records[1].components[0].method")));
		assertThat(footprint(List.of(s))).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
	}

	List<String> reserve(UUID session, String device) throws Exception {
		var body = mvc
			.perform(post("/api/drug-checking/sessions/{id}/code-blocks", session).with(as("analyst"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"device\":\"" + device + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.device").value(device))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.codes");
	}

	static String sampleWithCode(UUID clientId, String code) {
		return sample(clientId, "MDMA", "POWDER").replace("\"consent\":true",
				"\"consent\":true,\"code\":\"" + code + "\"");
	}

	/**
	 * Each device reserves a block of codes while online (of the configured size,
	 * audited, unique across devices) and issues them offline: a sample synced with one
	 * is stored under it, once; a code not reserved for the session, or used already, is
	 * refused naming the field.
	 */
	@Test
	void devicesReserveBlocksOfCodesAndIssueThemOffline() throws Exception {
		var session = festival();
		var other = festival();
		var tabletA = reserve(session, "tablet A");
		var tabletB = reserve(session, "tablet B");
		assertThat(tabletA).hasSize(25).doesNotHaveDuplicates().allMatch(c -> c.matches("WM-\\w{4}-\\w{4}-\\w{4}"));
		assertThat(tabletB).hasSize(25).doesNotHaveDuplicates().doesNotContainAnyElementsOf(tabletA);
		assertThat(jdbc.sql(
				"SELECT count(*) FROM platform.audit_event WHERE action = 'DRUG_CHECK_CODES_RESERVED' AND record_id = ?")
			.param(session.toString())
			.query(Long.class)
			.single()).isEqualTo(2);

		var s = UUID.randomUUID();
		send(batch(session, sampleWithCode(s, tabletA.get(0)))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("STORED"))
			.andExpect(jsonPath("$.results[0].sample.code").value(tabletA.get(0)));
		// Sent again (the answer was lost): the same sample, nothing new.
		send(batch(session, sampleWithCode(s, tabletA.get(0)))).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("ALREADY_STORED"));
		assertThat(jdbc.sql("SELECT code FROM drugchecking.sample WHERE client_id = ?")
			.param(s)
			.query(String.class)
			.single()).isEqualTo(tabletA.get(0));

		// The same code on another sample, a code never reserved, one reserved for
		// another
		// session, and one code twice in a batch: refused, nothing stored.
		var again = UUID.randomUUID();
		var made = UUID.randomUUID();
		var elsewhere = UUID.randomUUID();
		send(batch(session, sampleWithCode(again, tabletA.get(0)), sampleWithCode(made, "WM-2222-3333-4444")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.contains("records[0].code", "records[1].code")));
		send(batch(other, sampleWithCode(elsewhere, tabletB.get(0)))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("records[0].code")));
		send(batch(session, sampleWithCode(UUID.randomUUID(), tabletB.get(1)),
				sampleWithCode(UUID.randomUUID(), tabletB.get(1))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("records[1].code")));
		assertThat(footprint(List.of(again, made, elsewhere)).getFirst()).isZero();

		// A device must say who it is; only drug-checking writers reserve codes.
		mvc.perform(post("/api/drug-checking/sessions/{id}/code-blocks", session).with(as("analyst"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("device")));
		mvc.perform(post("/api/drug-checking/sessions/{id}/code-blocks", session).with(as("custody"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"tablet C\"}")).andExpect(status().isForbidden());
	}

	@Test
	void onlyDrugCheckingWritersMaySync() throws Exception {
		var session = festival();
		var s = UUID.randomUUID();
		for (var username : List.of("coordinator", "custody", "frontline", "auditor")) {
			mvc.perform(post("/api/drug-checking/sync").with(as(username))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(batch(session, sample(s, "MDMA", "PILL")))).andExpect(status().isForbidden());
		}
		assertThat(footprint(List.of(s)).getFirst()).isZero();
	}

}
