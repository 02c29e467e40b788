package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every session belongs to the service that ran it: a second drug-checking service can
 * neither read nor change the first one's sessions, samples, results or consultations
 * without a data-sharing agreement, can with one (read, or read and change, as it says),
 * and cannot once it ends. A consultation keeps its history.
 */
@HarmwatchIntegrationTest
class DrugCheckingOwnershipIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	SharingManagement sharing;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	String mark;

	String otherService;

	UUID session;

	SampleView sample;

	RequestPostProcessor other;

	@BeforeEach
	void twoServices() {
		mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		otherService = "DC2-" + mark;
		agencies.createAgency(otherService, "Second checking service " + mark, AgencyType.DRUG_CHECKING_SERVICE);
		agencies.createStaff("analyst2-" + mark, "Second analyst", "analyst2-" + mark + "@dc2.test", otherService,
				List.of("DRUG_CHECKING_ANALYST"), null);
		other = user(users.loadUserByUsername("analyst2-" + mark));
		var now = Instant.now();
		session = sessionManagement.createSession(new SessionDraft("Owner site " + mark, SiteKind.FESTIVAL, "E08000025",
				"Owner session " + mark, LocalDate.now(), LocalDate.now(), "Chemist", Set.of()), "analyst", "WM-CHECK",
				now);
		sample = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA",
				DosageForm.PILL, "blue", "owl-" + mark, null, null, null, null, null, true, null), "analyst", now);
		resultManagement.recordResult(
				sample.id(), new ResultDraft(List.of(new ComponentDraft("MDMA", new BigDecimal("90"),
						QuantityUnit.MG_PER_UNIT, Basis.SALT, Confidence.CONFIRMED, AnalysisMethod.FTIR)), true, null),
				"Ana", now);
		resultManagement.recordConsultation(sample.id(), "First advice " + mark, null, null, "Referral " + mark, "Ana",
				now);
	}

	long versions() {
		return jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE sample_id = ?")
			.param(sample.id())
			.query(Long.class)
			.single();
	}

	String advice() {
		return jdbc.sql("SELECT advice FROM drugchecking.consultation WHERE sample_id = ?")
			.param(sample.id())
			.query(String.class)
			.single();
	}

	static final String RESULT = """
			{"components": [{"text": "MDMA", "quantity": 200, "unit": "MG_PER_UNIT", "basis": "SALT",
			  "confidence": "CONFIRMED", "method": "GC_MS"}], "confirmed": true}""";

	void cannotChange() throws Exception {
		mvc.perform(post("/api/drug-checking/samples/{id}/results", sample.id()).with(other)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(RESULT)).andExpect(status().isNotFound());
		mvc.perform(post("/drug-checking/samples/{id}/consultation", sample.id()).with(other)
			.with(csrf())
			.param("advice", "Overwritten " + mark)
			.param("referral", "")).andExpect(status().isNotFound());
		mvc.perform(post("/api/drug-checking/sessions/{id}/samples", session).with(other)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mode\": \"AMNESTY_BIN\", \"soldAs\": \"ketamine\", \"form\": \"POWDER\", \"consent\": true}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/drug-checking/sync").with(other)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sessionId\": \"" + session + "\", \"records\": []}")).andExpect(status().isNotFound());
		assertThat(versions()).isEqualTo(1);
		assertThat(advice()).isEqualTo("First advice " + mark);
	}

	@Test
	void anotherServiceNeitherReadsNorChangesTheRecordsWithoutAnAgreement() throws Exception {
		mvc.perform(get("/drug-checking/sessions").with(other))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Owner session " + mark))));
		mvc.perform(get("/api/drug-checking/sessions").with(other))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(session.toString()))));
		mvc.perform(get("/drug-checking/sessions/{id}", session).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/drug-checking/sessions/{id}", session).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/drug-checking/samples/{id}", sample.id()).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/drug-checking/samples/{id}/label", sample.id()).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/drug-checking/sessions/{id}/results.csv", session).with(other))
			.andExpect(status().isNotFound());
		cannotChange();
		// The owner's own analyst reads and changes as before.
		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(user(users.loadUserByUsername("analyst"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sample.code())));
	}

	@Test
	void aReadAgreementOpensTheRecordsToReadOnlyAndEndingItClosesThemAgain() throws Exception {
		var agreement = sharing.record(
				new SharingManagement.Draft("DSA-" + mark, "WM-CHECK", otherService, Capability.DRUG_CHECKING,
						Action.READ, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", LocalDate.now().minusDays(1), null),
				"admin");
		mvc.perform(get("/drug-checking/sessions").with(other))
			.andExpect(content().string(containsString("Owner session " + mark)));
		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(other))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sample.code())))
			.andExpect(content().string(containsString("First advice " + mark)));
		cannotChange();

		sharing.end(agreement.id(), "admin");
		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(other)).andExpect(status().isNotFound());
	}

	@Test
	void aWriteAgreementLetsTheOtherServiceAddAVersionAndTheConsultationKeepsItsHistory() throws Exception {
		sharing.record(new SharingManagement.Draft("DSA-W-" + mark, "WM-CHECK", otherService, Capability.DRUG_CHECKING,
				Action.WRITE, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", LocalDate.now(),
				LocalDate.now().plusDays(30)), "admin");
		mvc.perform(post("/api/drug-checking/samples/{id}/results", sample.id()).with(other)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(RESULT)).andExpect(status().isCreated());
		assertThat(versions()).isEqualTo(2);
		mvc.perform(post("/drug-checking/samples/{id}/consultation", sample.id()).with(other)
			.with(csrf())
			.param("advice", "Second advice " + mark)
			.param("referral", "")).andExpect(status().is3xxRedirection());
		assertThat(advice()).isEqualTo("Second advice " + mark);
		// The first advice, and its referral, are kept.
		assertThat(jdbc
			.sql("SELECT advice || ' / ' || coalesce(referral, '-') FROM drugchecking.consultation_history "
					+ "WHERE sample_id = ?")
			.param(sample.id())
			.query(String.class)
			.list()).containsExactly("First advice " + mark + " / Referral " + mark);
	}

	@Test
	void anAgreementNotYetInForceOpensNothing() throws Exception {
		sharing.record(
				new SharingManagement.Draft("DSA-F-" + mark, "WM-CHECK", otherService, Capability.DRUG_CHECKING,
						Action.WRITE, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", LocalDate.now().plusDays(7), null),
				"admin");
		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(other)).andExpect(status().isNotFound());
		cannotChange();
	}

}
