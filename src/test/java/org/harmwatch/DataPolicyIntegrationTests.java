package org.harmwatch;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.PhotoManagement;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The data-policy suite: every account an administrator can build for a law-enforcement
 * agency, staff and API clients, with every grant the forms allow, tries every read of a
 * health record, a reporter's identity, a referral, advice, the code of a sample, a photo
 * and a spectrum. Zero may leak, with a sharing agreement in force and without one.
 */
@HarmwatchIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPolicyIntegrationTests {

	static final String MARK = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	static final String ADVICE = "ADVICE-SECRET-" + MARK;

	static final String REFERRAL = "REFERRAL-SECRET-" + MARK;

	static final String REPORTER = "Rita Reporter " + MARK;

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
	PhotoManagement photos;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The accounts under test: a name for the failure message, and how a request is made
	 * as them.
	 */
	final Map<String, RequestPostProcessor> police = new LinkedHashMap<>();

	UUID session;

	UUID sample;

	String code;

	UUID photo;

	UUID spectrum;

	UUID report;

	UUID attachment;

	/**
	 * Every grant the role and API-client forms allow for a police force: no health
	 * purpose is offered or accepted.
	 */
	static List<Grant> everyGrantPoliceMayHold() {
		var grants = new ArrayList<Grant>();
		for (var capability : List.of(Capability.DRUG_CHECKING, Capability.EARLY_WARNING)) {
			for (var action : Action.values()) {
				for (var purpose : AgencyType.POLICE_FORCE.purposes()) {
					if (capability.purposes().contains(purpose)) {
						grants.add(new Grant(capability, action, purpose));
					}
				}
			}
		}
		return grants;
	}

	@BeforeAll
	void accountsAndRecords() throws Exception {
		// Staff of the police force: one with every grant the forms allow, and one per
		// purpose with every action.
		var all = everyGrantPoliceMayHold();
		agencies.createRole("POLICE_ALL_" + MARK, "Police, everything allowed", "Data-policy suite", all);
		staff("police-all-" + MARK, "POLICE_ALL_" + MARK);
		for (var purpose : AgencyType.POLICE_FORCE.purposes()) {
			var role = "POLICE_" + purpose + "_" + MARK;
			var grants = all.stream().filter(g -> g.purpose() == purpose).toList();
			if (!grants.isEmpty()) {
				agencies.createRole(role, "Police, " + purpose, "Data-policy suite", grants);
				staff("police-" + purpose.name().toLowerCase() + "-" + MARK, role);
			}
		}
		// A police API client with the same grants.
		var token = agencies.issueApiClient("Police system " + MARK, "WMP", all, "admin").token();
		police.put("police API client", request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		});

		// A drug-checking session whose licence keeps results from law enforcement, with
		// a sample that has a result, a
		// consultation with advice and a referral, a photo and a spectrum.
		var now = Instant.now();
		session = sessionManagement.createSession(
				new SessionDraft("Policy site " + MARK, SiteKind.FESTIVAL, "E08000025", "Policy session " + MARK,
						LocalDate.now(), LocalDate.now(), "Chemist", Set.of(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)),
				"analyst", "WM-CHECK", now);
		var taken = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE,
				"MDMA", DosageForm.PILL, "pink", "crown-" + MARK, null, null, null, null, null, true, null), "analyst",
				now);
		sample = taken.id();
		code = taken.code();
		var result = resultManagement.recordResult(sample,
				new ResultDraft(List.of(new ComponentDraft("MDMA", new BigDecimal("120"), QuantityUnit.MG_PER_UNIT,
						Basis.SALT, Confidence.CONFIRMED, AnalysisMethod.FTIR)), true, "Analyst note " + MARK),
				"Ana Analyst", now);
		resultManagement.recordConsultation(sample, ADVICE, true, IntendedChange.NOT_TAKE, REFERRAL, "Ana Analyst",
				now);
		photo = photos.add(sample, png(), "The pill", "Ana Analyst", now).id();
		spectrum = resultManagement
			.attachSpectrum(result.id(), "ftir.jdx",
					"##TITLE=Policy FTIR\n##JCAMP-DX=4.24\n##XYDATA=(X++(Y..Y))\n4000 0.1\n##END=\n".getBytes(),
					"Ana Analyst", now)
			.id();

		// A report from a treatment provider's worker, with a file.
		var when = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.MINUTES).minusMinutes(20);
		var description = "Policy report " + MARK;
		var reporterRole = "FRONTLINE_WORKER";
		agencies.createStaff("reporter-" + MARK, REPORTER, "reporter-" + MARK + "@harmwatch.test", "BHM-TREAT",
				List.of(reporterRole), null);
		mvc.perform(multipart("/early-warning/reports").file("attachments", png())
			.param("sourceType", "DRUG_SERVICE")
			.param("occurredAt", when.toString())
			.param("ladCode", "E08000025")
			.param("substances[0]", "heroin")
			.param("howKnown[0]", "PACKAGING")
			.param("outcomes", "UNUSUAL_APPEARANCE_OR_STRENGTH")
			.param("people", "1")
			.param("description", description)
			.with(user(users.loadUserByUsername("reporter-" + MARK)))
			.with(csrf()));
		report = jdbc.sql("SELECT id FROM earlywarning.report WHERE description = ?")
			.param(description)
			.query(UUID.class)
			.single();
		attachment = jdbc.sql("SELECT id FROM earlywarning.report_attachment WHERE report_id = ?")
			.param(report)
			.query(UUID.class)
			.single();
	}

	void staff(String username, String role) {
		agencies.createStaff(username, "Officer " + username, username + "@police.test", "WMP", List.of(role), null);
		police.put(username, user(users.loadUserByUsername(username)));
	}

	static byte[] png() throws IOException {
		var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().fillRect(4, 4, 10, 10);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/**
	 * Every read that could carry a health record, an identity, advice, a code, a photo
	 * or a spectrum.
	 */
	List<MockHttpServletRequestBuilder> reads() {
		return List.of(get("/drug-checking/sessions"), get("/drug-checking/sessions/{id}", session),
				get("/drug-checking/sessions/{id}/results.csv", session), get("/drug-checking/samples/{id}", sample),
				get("/drug-checking/samples/{id}/label", sample), get("/drug-checking/samples/{id}/qr.svg", sample),
				get("/drug-checking/photos/{id}", photo), get("/drug-checking/spectra/{id}", spectrum),
				get("/api/drug-checking/sessions"), get("/api/drug-checking/sessions/{id}", session),
				get("/api/drug-checking/samples/{id}", sample),
				get("/api/drug-checking/sessions/{id}/results", session), get("/drug-checking/field/{id}", session),
				get("/early-warning/reports"), get("/early-warning/reports/{id}", report),
				get("/early-warning/reports/{id}/attachments/{a}", report, attachment));
	}

	/**
	 * What must never reach a police account: a leak is any of these in any answer, or a
	 * file served at all.
	 */
	List<String> leaks(String who) throws Exception {
		var found = new ArrayList<String>();
		for (var read : reads()) {
			var response = mvc.perform(read.with(police.get(who))).andReturn().getResponse();
			var body = response.getContentAsString(StandardCharsets.UTF_8);
			var path = read.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
			for (var secret : List.of(ADVICE, REFERRAL, REPORTER, code, "Analyst note " + MARK, "ftir.jdx",
					photo.toString(), spectrum.toString(), attachment.toString())) {
				// An id the caller sent in the path may come back in a refusal
				// (problem+json "instance"): not a leak.
				if (body.contains(secret) && !path.contains(secret)) {
					found.add(who + " read " + secret + " at " + path);
				}
			}
			var type = response.getContentType() == null ? "" : response.getContentType();
			if (response.getStatus() == 200
					&& (type.startsWith("image/") || type.startsWith("chemical/") || path.contains("/attachments/"))) {
				found.add(who + " was served a file at " + path);
			}
			assertThat(response.getStatus()).as(who + " " + path).isLessThan(500);
		}
		return found;
	}

	@Test
	void noPoliceAccountReadsAnyHealthRecordIdentityAdviceCodePhotoOrSpectrumWithoutAnAgreement() throws Exception {
		var leaks = new ArrayList<String>();
		for (var who : police.keySet()) {
			leaks.addAll(leaks(who));
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void noneEitherUnderASharingAgreementThatOpensTheServicesRecordsToThePolice() throws Exception {
		var agreements = new ArrayList<UUID>();
		for (var purpose : List.of(Purpose.POLICING, Purpose.PUBLIC_HEALTH_INTELLIGENCE, Purpose.PUBLIC)) {
			agreements.add(
					sharing
						.record(new SharingManagement.Draft("DSA-POLICE-" + purpose + "-" + MARK, "WM-CHECK", "WMP",
								Capability.DRUG_CHECKING, Action.WRITE, purpose, "Test agreement",
								LocalDate.now().minusDays(1), null), "admin")
						.id());
		}
		try {
			var leaks = new ArrayList<String>();
			for (var who : police.keySet()) {
				leaks.addAll(leaks(who));
			}
			assertThat(leaks).isEmpty();
			// The agreement does open the session itself: the police see that it exists
			// and that results are withheld.
			var page = mvc.perform(get("/drug-checking/sessions/{id}", session).with(police.get("police-all-" + MARK)))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("Policy session " + MARK).doesNotContain(code);
		}
		finally {
			agreements.forEach(id -> sharing.end(id, "admin"));
		}
	}

	/**
	 * The control: the same reads do carry every secret to those entitled to it, so the
	 * suite can see a leak.
	 */
	@Test
	void theSameReadsCarryEverySecretToTheServiceAndTheCoordinator() throws Exception {
		police.put("analyst", user(users.loadUserByUsername("analyst")));
		police.put("coordinator", user(users.loadUserByUsername("coordinator")));
		try {
			assertThat(leaks("analyst")).anyMatch(l -> l.contains(ADVICE))
				.anyMatch(l -> l.contains(REFERRAL))
				.anyMatch(l -> l.contains(code))
				.anyMatch(l -> l.contains("served a file at /drug-checking/photos/"))
				.anyMatch(l -> l.contains("served a file at /drug-checking/spectra/"));
			assertThat(leaks("coordinator")).anyMatch(l -> l.contains(REPORTER))
				.anyMatch(l -> l.contains("served a file at /early-warning/reports/"));
		}
		finally {
			police.remove("analyst");
			police.remove("coordinator");
		}
	}

	@Test
	void noFormLetsAnAdministratorGivePoliceAHealthPurpose() {
		var health = List.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH));
		agencies.createRole("HEALTH_READER_" + MARK, "Health reader", "Data-policy suite", health);
		assertThatExceptionOfType(InputRejectedException.class)
			.isThrownBy(() -> agencies.createStaff("police-health-" + MARK, "Officer",
					"police-health-" + MARK + "@police.test", "WMP", List.of("HEALTH_READER_" + MARK), null));
		assertThatExceptionOfType(InputRejectedException.class)
			.isThrownBy(() -> agencies.issueApiClient("Police health " + MARK, "WMP", health, "admin"));
		assertThatExceptionOfType(InputRejectedException.class)
			.isThrownBy(() -> sharing.record(new SharingManagement.Draft("DSA-HEALTH-" + MARK, "WM-CHECK", "WMP",
					Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH, "Test", LocalDate.now(), null), "admin"));
		// Nor by turning a health agency whose token holds health data into a police
		// force.
		var code = "HLT-" + MARK;
		agencies.createAgency(code, "Health service " + MARK, AgencyType.TREATMENT_PROVIDER);
		agencies.issueApiClient("Health system " + MARK, code, health, "admin");
		assertThatExceptionOfType(InputRejectedException.class)
			.isThrownBy(
					() -> agencies.changeAgency(code, "Health service " + MARK, AgencyType.POLICE_FORCE, true, null))
			.satisfies(ex -> assertThat(ex.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.arguments().get(2)).isInstanceOfSatisfying(
						MessageSourceResolvable.class,
						who -> assertThat(who.getCodes()).contains("admin.error.purposeNotHeld.apiClient"))));
	}

}
