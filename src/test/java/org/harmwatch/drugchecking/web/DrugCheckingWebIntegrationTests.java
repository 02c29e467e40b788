package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.drugchecking.internal.DrugCheckingProperties;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RateLimitStore;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages, export and API under the licence conditions, the public lookup and its rate
 * limit, idempotent creation and refusal of bad input through the API, and spectra.
 */
@HarmwatchIntegrationTest
class DrugCheckingWebIntegrationTests {

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
	ReleaseManagement releaseManagement;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * A police reader given drug-checking grants for policing, to prove the condition
	 * holds even then.
	 */
	static RequestPostProcessor police() {
		return user(new HarmwatchUser(UUID.randomUUID(), "police-reader", null, "Police reader", "WMP",
				"West Midlands Police", AgencyType.POLICE_FORCE, List.of("CUSTODY_OFFICER"),
				Set.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING),
						new Grant(Capability.DRUG_CHECKING, Action.EXPORT, Purpose.POLICING)),
				true, false));
	}

	UUID session(LicenceCondition... conditions) {
		return sessionManagement.createSession(new SessionDraft("Web site " + UUID.randomUUID(),
				SiteKind.NIGHT_TIME_DISTRICT, BIRMINGHAM, "Web session " + UUID.randomUUID(), LocalDate.of(2026, 8, 1),
				LocalDate.of(2026, 8, 1), "Chemist C", Set.of(conditions)), "analyst", "WM-CHECK", Instant.now());
	}

	SampleView fentanylHeroin(UUID session, SampleMode mode) {
		var sample = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), mode, "heroin",
				DosageForm.POWDER, null, null, null, null, null, BIRMINGHAM, null, true, null), "analyst",
				Instant.now());
		resultManagement
			.recordResult(
					sample.id(), new ResultDraft(List.of(new ComponentDraft("isotonitazene", null, null, null,
							Confidence.CONFIRMED, AnalysisMethod.NITAZENE_STRIP)), true, null),
					"Analyst", Instant.now());
		resultManagement.recordConsultation(sample.id(), "Carry naloxone.", true, null, null, "Analyst", Instant.now());
		return sample;
	}

	@Test
	void aPoliceReaderSeesNoResultOfANotForLawEnforcementSessionInPagesExportsOrTheApi() throws Exception {
		// The police see the service's sessions only under a data-sharing agreement; with
		// one, the licence still rules.
		var agreement = policeAgreement();
		try {
			var session = session(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT);
			var sample = fentanylHeroin(session, SampleMode.FRONT_OF_HOUSE);

			mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(police()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("does not allow results to be given to law enforcement")))
				.andExpect(content().string(not(containsString("Isotonitazene"))))
				.andExpect(content().string(not(containsString("Carry naloxone"))));
			mvc.perform(get("/drug-checking/sessions/{id}", session).with(police()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Withheld under the licence conditions")))
				.andExpect(content().string(not(containsString("Isotonitazene"))));
			mvc.perform(get("/drug-checking/sessions/{id}/results.csv", session).with(police()))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(sample.code()))))
				.andExpect(content().string(not(containsString("isotonitazene"))));
			mvc.perform(get("/api/drug-checking/samples/{id}", sample.id()).with(police()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.audience").value("LAW_ENFORCEMENT"))
				.andExpect(jsonPath("$.results").isEmpty())
				.andExpect(jsonPath("$.consultation").doesNotExist())
				.andExpect(content().string(not(containsString("isotonitazene"))));
			mvc.perform(get("/api/drug-checking/sessions/{id}/results", session).with(police()))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("isotonitazene"))));

			// The real police roles have no drug-checking grants at all.
			for (var officer : List.of("custody", "navigator", "investigator")) {
				mvc.perform(get("/api/drug-checking/samples/{id}", sample.id()).with(as(officer)))
					.andExpect(status().isForbidden());
				mvc.perform(get("/drug-checking/sessions/{id}/results.csv", session).with(as(officer)))
					.andExpect(status().isForbidden());
			}

			// The analyst sees it all.
			mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(as("analyst")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Isotonitazene")))
				.andExpect(content().string(containsString("Carry naloxone")));
			mvc.perform(get("/drug-checking/sessions/{id}/results.csv", session).with(as("analyst")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(sample.code())));
		}
		finally {
			sharing.end(agreement, "admin");
		}
	}

	@Test
	void thePublicLookupShowsTheOwnResultOnlyAndAWrongCodeRevealsNothing() throws Exception {
		var session = session();
		var own = fentanylHeroin(session, SampleMode.FRONT_OF_HOUSE);
		var other = fentanylHeroin(session, SampleMode.FRONT_OF_HOUSE);
		var police = fentanylHeroin(session, SampleMode.POLICE_SUBMITTED);
		var waiting = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE,
				"cocaine", DosageForm.POWDER, null, null, null, null, null, null, null, true, null), "analyst",
				Instant.now());

		mvc.perform(get("/drug-checking/results").param("code", own.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + own.code() + "\"")))
			.andExpect(content().string(not(containsString("Isotonitazene"))));
		mvc.perform(post("/drug-checking/results").with(csrf()).with(from("10.40.0.1")).param("code", own.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Isotonitazene")))
			.andExpect(content().string(containsString("Carry naloxone")))
			.andExpect(content().string(containsString(own.code())))
			.andExpect(content().string(not(containsString(other.code()))))
			.andExpect(content().string(not(containsString(police.code()))));

		// Unknown, not ready, and not for the public look exactly alike.
		var unknown = mvc
			.perform(post("/drug-checking/results").with(csrf()).with(from("10.40.0.1")).param("code", "WM-2222-2222"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var notReady = mvc
			.perform(post("/drug-checking/results").with(csrf()).with(from("10.40.0.1")).param("code", waiting.code()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var notPublic = mvc
			.perform(post("/drug-checking/results").with(csrf()).with(from("10.40.0.1")).param("code", police.code()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknown).contains("No result to show for this code yet").doesNotContain("WM-2222-2222");
		assertThat(notReady).isEqualTo(unknown);
		assertThat(notPublic).isEqualTo(unknown);
	}

	@Test
	void eightCharacterCodesAreGuessedFromOneBucketForEveryClient(@Autowired RateLimitStore store) {
		var name = "test.lookup." + UUID.randomUUID();
		var limiter = new PublicLookupRateLimiter(name,
				new DrugCheckingProperties(null,
						new DrugCheckingProperties.RateLimit(10, Duration.ofMinutes(1), 3, Duration.ofHours(1)), null),
				store);
		var granted = new ArrayList<Boolean>();
		for (int client = 0; client < 6; client++) {
			granted.add(limiter.tryAcquire("192.0.2." + client, "WM-2222-222" + client));
		}
		// However many addresses guess, three eight-character guesses in all;
		// twelve-character codes are unaffected.
		assertThat(granted).containsExactly(true, true, true, false, false, false);
		assertThat(limiter.tryAcquire("192.0.2.9", "WM-2222-2222-2222")).isTrue();
		assertThat(limiter.tryAcquire("192.0.2.9", "wm 2222 2222")).isFalse();
	}

	@Test
	void guessingCodesIsRateLimited() throws Exception {
		var address = "10.41.0." + (int) (Math.random() * 250);
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/drug-checking/results").with(csrf()).with(from(address)).param("code", "WM-2222-22" + i))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/drug-checking/results").with(csrf()).with(from(address)).param("code", "WM-2222-2299"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		// Another client is not affected.
		mvc.perform(post("/drug-checking/results").with(csrf()).with(from("10.42.0.1")).param("code", "WM-2222-2299"))
			.andExpect(status().isOk());
	}

	@Test
	void theApiCreatesASampleOnceForOneClientIdAndRefusesBadInputWhole() throws Exception {
		var session = session();
		var clientId = UUID.randomUUID();
		var body = """
				{"clientId": "%s", "mode": "FRONT_OF_HOUSE", "soldAs": "mandy", "form": "PILL", "pillColour": "blue",
				 "pillWeightMg": 320, "obtainedLadCode": "%s", "consent": true}""".formatted(clientId, BIRMINGHAM);
		var first = mvc
			.perform(post("/api/drug-checking/sessions/{id}/samples", session).with(csrf())
				.with(as("analyst"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.soldAsCode").value("mdma"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var second = mvc
			.perform(post("/api/drug-checking/sessions/{id}/samples", session).with(csrf())
				.with(as("analyst"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).isEqualTo(first);
		assertThat(sampleManagement.samples(session)).hasSize(1);

		mvc.perform(post("/api/drug-checking/sessions/{id}/samples", session).with(csrf())
			.with(as("analyst"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"mode": "BY_POST", "soldAs": "", "form": "PILL", "pillWeightMg": -1, "obtainedLadCode": "12 High St"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("mode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("soldAs")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("pillWeightMg")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("obtainedLadCode")));
		assertThat(sampleManagement.samples(session)).hasSize(1);

		var sampleId = sampleManagement.samples(session).get(0).id();
		// The pill's description reads as a phrase, not "Pill , blue , 320 mg".
		mvc.perform(get("/drug-checking/samples/{id}", sampleId).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pill, blue, 320 mg")));
		mvc.perform(post("/api/drug-checking/samples/{id}/results", sampleId).with(csrf())
			.with(as("analyst"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"components": [{"text": "MDMA", "quantity": 240, "unit": "MG_PER_UNIT", "basis": "SALT",
					 "confidence": "CONFIRMED", "method": "FTIR"}, {"text": "caffeine", "method": "NMR"}]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("components[1].method")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("components[1].confidence")));
		assertThat(jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE sample_id = ?")
			.param(sampleId)
			.query(Long.class)
			.single()).isZero();

		mvc.perform(post("/api/drug-checking/samples/{id}/results", sampleId).with(csrf())
			.with(as("analyst"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"components": [{"text": "MDMA", "quantity": 240, "unit": "MG_PER_UNIT", "basis": "SALT",
					 "confidence": "CONFIRMED", "method": "FTIR"}]}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.flags[0]").value("HIGH_STRENGTH"));
	}

	@Test
	void aJcampSpectrumIsAttachedAndDownloadedAndOtherFilesAreRefused() throws Exception {
		var session = session();
		var sample = fentanylHeroin(session, SampleMode.FRONT_OF_HOUSE);
		var result = releaseManagement.release(sample.id(), (HarmwatchUser) users.loadUserByUsername("analyst"))
			.current();
		var jdx = "##TITLE=Sample FTIR\n##JCAMP-DX=4.24\n##DATA TYPE=INFRARED SPECTRUM\n##XYDATA=(X++(Y..Y))\n4000 0.1\n##END=\n";
		mvc.perform(multipart("/drug-checking/results/{id}/spectra", result.id())
			.file(new MockMultipartFile("spectrum", "ftir.jdx", "chemical/x-jcamp-dx", jdx.getBytes()))
			.param("sampleId", sample.id().toString())
			.with(csrf())
			.with(as("analyst"))).andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/drug-checking/results/{id}/spectra", result.id())
			.file(new MockMultipartFile("spectrum", "photo.jdx", "image/png",
					new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.param("sampleId", sample.id().toString())
			.with(csrf())
			.with(as("analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not a JCAMP-DX spectrum")));
		var spectra = releaseManagement.release(sample.id(), (HarmwatchUser) users.loadUserByUsername("analyst"))
			.current()
			.spectra();
		assertThat(spectra).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Sample FTIR"));
		mvc.perform(get("/drug-checking/spectra/{id}", spectra.get(0).id()).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(jdx.getBytes()));
	}

	@Test
	void theLabelCarriesTheCodeAndAQrCode() throws Exception {
		var session = session();
		var sample = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE,
				"MDMA", DosageForm.PILL, null, null, null, null, new BigDecimal("250"), null, null, true, null),
				"analyst", Instant.now());
		mvc.perform(get("/drug-checking/samples/{id}/label", sample.id()).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sample.code())))
			.andExpect(content().string(containsString("/drug-checking/samples/" + sample.id() + "/qr.svg")));
		mvc.perform(get("/drug-checking/samples/{id}/qr.svg", sample.id()).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(containsString("<svg")));
	}

	/**
	 * Uploads a CSV as the user and returns its import job's id, from the redirect to the
	 * job's page.
	 */
	String upload(UUID session, String csv, RequestPostProcessor who) throws Exception {
		var redirect = mvc
			.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
				.file(new MockMultipartFile("file", "unc.csv", "text/csv",
						csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.with(csrf())
				.with(who))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(redirect).startsWith("/drug-checking/imports/");
		return redirect.substring("/drug-checking/imports/".length());
	}

	org.springframework.test.web.servlet.ResultActions startImport(String job, RequestPostProcessor who)
			throws Exception {
		return mvc.perform(post("/drug-checking/imports/{id}", job).with(csrf())
			.with(who)
			.param("sampleKey", "sampleid")
			.param("substance", "substance")
			.param("soldAs", "expectedsubstance")
			.param("trace", "abundance")
			.param("method", "method")
			.param("date", "date_complete")
			.param("mode", "FRONT_OF_HOUSE")
			.param("defaultMethod", "GC_MS"));
	}

	/**
	 * Polls the job's status endpoint, as the page's script does, until the job has
	 * finished.
	 */
	String finished(String job, RequestPostProcessor who) {
		var body = new String[1];
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.pollInterval(java.time.Duration.ofMillis(200))
			.until(() -> {
				body[0] = mvc.perform(get("/api/drug-checking/imports/{id}", job).with(who))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				return body[0].contains("\"finished\":true");
			});
		return body[0];
	}

	@Test
	void anAnalystMapsAndImportsACsvAllOrNothingInTheBackground() throws Exception {
		var session = session();
		var good = org.harmwatch.drugchecking.DrugCheckingImportIntegrationTests.joined();
		var lines = good.split("\n");
		lines[3] = lines[3].replace(",GCMS,", ",NMR,");
		var bad = String.join("\n", lines);

		var job = upload(session, bad, as("analyst"));
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<option value=\"sampleid\" selected=\"selected\">sampleid</option>")))
			.andExpect(content().string(containsString("219 rows")));
		// A column that is not in the file is refused, and the job stays waiting for its
		// mapping.
		mvc.perform(post("/drug-checking/imports/{id}", job).with(csrf())
			.with(as("analyst"))
			.param("sampleKey", "no_such_column")
			.param("substance", "substance")
			.param("mode", "FRONT_OF_HOUSE")
			.param("defaultMethod", "GC_MS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a column from the file&#39;s header.")));
		startImport(job, as("analyst")).andExpect(status().is3xxRedirection());
		var failed = finished(job, as("analyst"));
		assertThat(failed).contains("\"status\":\"FAILED\"").contains("\"problemCount\":1");
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unknown method &quot;NMR&quot;")))
			.andExpect(content().string(containsString("Nothing has been imported")));
		assertThat(sampleManagement.samples(session)).isEmpty();
		// The job ran once; starting it again is refused.
		startImport(job, as("analyst")).andExpect(status().isConflict())
			.andExpect(content().string(containsString("already been started")));

		job = upload(session, good, as("analyst"));
		startImport(job, as("analyst")).andExpect(status().is3xxRedirection());
		var done = finished(job, as("analyst"));
		assertThat(done).contains("\"status\":\"DONE\"").contains("\"imported\":55").contains("\"rowsDone\":219");
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("55 samples imported")))
			.andExpect(content().string(containsString("/drug-checking/sessions/" + session)));
		assertThat(sampleManagement.samples(session)).hasSize(55);
		startImport(job, as("analyst")).andExpect(status().isConflict());
		assertThat(sampleManagement.samples(session)).hasSize(55);
	}

	@Test
	void anUploadThatIsNotACsvWithAHeaderIsRefusedOnTheForm() throws Exception {
		var session = session();
		mvc.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
			.file(new MockMultipartFile("file", "notes.txt", "text/plain", "just some notes".getBytes()))
			.with(csrf())
			.with(as("analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("no header row")));
		mvc.perform(multipart("/drug-checking/sessions/{id}/import/upload", session).with(csrf()).with(as("analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("smaller than 50 MB")));
	}

	@Test
	void onlyTheUploadersAgencyWithTheGrantSeesAnImportJob() throws Exception {
		var session = session();
		var job = upload(session, org.harmwatch.drugchecking.DrugCheckingImportIntegrationTests.joined(),
				as("analyst"));
		var analyst = (HarmwatchUser) users.loadUserByUsername("analyst");
		var elsewhere = user(new HarmwatchUser(UUID.randomUUID(), "analyst-elsewhere", null, "Elsewhere", "WMP",
				analyst.agencyName(), analyst.agencyType(), analyst.roleNames(), analyst.grants(), true, false));
		mvc.perform(get("/api/drug-checking/imports/{id}", job).with(elsewhere))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/drug-checking/imports/{id}", job).with(elsewhere)).andExpect(status().isNotFound());
		startImport(job, elsewhere).andExpect(status().isNotFound());
		var colleague = user(new HarmwatchUser(UUID.randomUUID(), "analyst-colleague", null, "Colleague",
				analyst.agencyCode(), analyst.agencyName(), analyst.agencyType(), analyst.roleNames(), analyst.grants(),
				true, false));
		mvc.perform(get("/api/drug-checking/imports/{id}", job).with(colleague))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UPLOADED"))
			.andExpect(jsonPath("$.totalRows").value(219));
		assertThat(sampleManagement.samples(session)).isEmpty();
	}

	@Autowired
	SharingManagement sharing;

	UUID policeAgreement() {
		return sharing
			.record(new SharingManagement.Draft("DSA-TEST-" + UUID.randomUUID(), "WM-CHECK", "WMP",
					Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING, "Test agreement",
					java.time.LocalDate.now().minusDays(1), null), "admin")
			.id();
	}

}
