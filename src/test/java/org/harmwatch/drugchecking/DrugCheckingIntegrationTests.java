package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Flags and the event early warning turns into a signal, result versions, idempotent
 * intake, no personal data, and the licence conditions applied by the one release point.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class DrugCheckingIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Autowired
	ReleaseManagement releaseManagement;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	static final Instant NOW = Instant.now();

	/**
	 * A reader acting for the police who was (wrongly or by a future grant) given
	 * drug-checking access.
	 */
	static HarmwatchUser policeReader() {
		return new HarmwatchUser(UUID.randomUUID(), "police-reader", null, "Police reader", "WMP",
				"West Midlands Police", AgencyType.POLICE_FORCE, List.of("CUSTODY_OFFICER"),
				Set.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING),
						new Grant(Capability.DRUG_CHECKING, Action.EXPORT, Purpose.POLICING),
						new Grant(Capability.CUSTODY_TESTING, Action.READ, Purpose.POLICING)),
				true, false);
	}

	HarmwatchUser analyst() {
		return (HarmwatchUser) users.loadUserByUsername("analyst");
	}

	UUID session(LicenceCondition... conditions) {
		return sessionManagement.createSession(new SessionDraft("Test site " + UUID.randomUUID(), SiteKind.FESTIVAL,
				BIRMINGHAM, "Session " + UUID.randomUUID(), LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 20),
				"Chemist A, Worker B", Set.of(conditions)), "analyst", "WM-CHECK", NOW);
	}

	SampleView sample(UUID session, SampleMode mode, String soldAs, DosageForm form) {
		return sampleManagement.takeIn(session,
				new SampleDraft(UUID.randomUUID(), mode, soldAs, form, null, null, null, null,
						form == DosageForm.PILL ? new BigDecimal("300") : null, BIRMINGHAM, null, true, null),
				"analyst", NOW);
	}

	static ComponentDraft mg(String text, String mg, AnalysisMethod method) {
		return new ComponentDraft(text, new BigDecimal(mg), QuantityUnit.MG_PER_UNIT, Basis.SALT, Confidence.CONFIRMED,
				method);
	}

	static ComponentDraft found(String text, AnalysisMethod method) {
		return new ComponentDraft(text, null, null, null, Confidence.CONFIRMED, method);
	}

	List<DangerousSampleFound> published(UUID sampleId) {
		return events.stream(DangerousSampleFound.class)
			.filter(e -> e.sampleId().startsWith(sampleId.toString()))
			.toList();
	}

	@Test
	void fentanylInHeroinIsAnUnexpectedHighRiskAndEarlyWarningOpensASignal() {
		var sample = sample(session(), SampleMode.FRONT_OF_HOUSE, "heroin", DosageForm.POWDER);
		assertThat(sample.soldAsCode()).isEqualTo("heroin");
		var result = resultManagement.recordResult(sample.id(), new ResultDraft(
				List.of(new ComponentDraft("heroin", new BigDecimal("45"), QuantityUnit.PERCENT_W_W, null,
						Confidence.PROBABLE, AnalysisMethod.FTIR), found("fentanyl", AnalysisMethod.FENTANYL_STRIP)),
				true, null), "Analyst", NOW);

		assertThat(result.flags()).containsExactly(ResultFlag.UNEXPECTED_HIGH_RISK);
		assertThat(result.reasons()).anyMatch(r -> r.contains("Fentanyl found in heroin"));
		var sent = published(sample.id());
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).sampleId()).isEqualTo(sample.id() + "#v1");
		assertThat(sent.get(0).substanceCodes()).containsExactly("fentanyl", "heroin");
		assertThat(sent.get(0).ladCode()).isEqualTo(BIRMINGHAM);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.id() + "#v1").isPresent());
		var signal = earlyWarning
			.signal(earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.id() + "#v1").orElseThrow());
		assertThat(signal.substanceCode()).isEqualTo("fentanyl");
	}

	@Test
	void aPillOf240MgMdmaIsHighStrength() {
		var sample = sample(session(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL);
		var result = resultManagement.recordResult(sample.id(),
				new ResultDraft(List.of(mg("MDMA", "240", AnalysisMethod.FTIR)), true, null), "Analyst", NOW);

		assertThat(result.flags()).containsExactly(ResultFlag.HIGH_STRENGTH);
		assertThat(published(sample.id())).singleElement()
			.satisfies(e -> assertThat(e.reasons()).anyMatch(r -> r.contains("240 mg")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.id() + "#v1").isPresent());
		// The signal it opens is high by a rule of its own, not routine with no rule.
		var signal = earlyWarning
			.signal(earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.id() + "#v1").orElseThrow());
		assertThat(signal.rules()).contains("HIGH_STRENGTH");
		assertThat(signal.urgency().max(Urgency.HIGH)).isEqualTo(signal.urgency());
		assertThat(resultManagement.draftAdvice(sample.id()).orElseThrow()).contains("half or less");
	}

	@Test
	void anExpectedAndFound80MgMdmaPillRaisesNothing() {
		var sample = sample(session(), SampleMode.FRONT_OF_HOUSE, "ecstasy", DosageForm.PILL);
		var result = resultManagement.recordResult(sample.id(),
				new ResultDraft(List.of(mg("MDMA", "80", AnalysisMethod.FTIR), found("caffeine", AnalysisMethod.FTIR)),
						true, null),
				"Analyst", NOW);

		assertThat(result.flags()).isEmpty();
		assertThat(published(sample.id())).isEmpty();
	}

	@Test
	void cocaineThatIsOnlyCaffeineIsMisSoldAndPmmaInMdmaIsHighRisk() {
		var session = session();
		var cocaine = sample(session, SampleMode.AMNESTY_BIN, "cocaine", DosageForm.POWDER);
		assertThat(resultManagement
			.recordResult(cocaine.id(), new ResultDraft(List.of(found("caffeine", AnalysisMethod.RAMAN)), true, null),
					"Analyst", NOW)
			.flags()).containsExactly(ResultFlag.MIS_SOLD);

		var pill = sample(session, SampleMode.DOOR_SEIZURE, "MDMA", DosageForm.PILL);
		assertThat(resultManagement
			.recordResult(pill.id(), new ResultDraft(List.of(mg("PMMA", "90", AnalysisMethod.GC_MS)), true, null),
					"Analyst", NOW)
			.flags()).containsExactly(ResultFlag.MIS_SOLD, ResultFlag.UNEXPECTED_HIGH_RISK);
	}

	@Test
	void aLabConfirmationIsANewVersionAndTheHistoryIsKept() {
		var sample = sample(session(), SampleMode.FRONT_OF_HOUSE, "ketamine", DosageForm.POWDER);
		resultManagement.recordResult(sample.id(),
				new ResultDraft(List.of(found("ketamine", AnalysisMethod.FTIR)), false, "on site"), "Analyst", NOW);
		assertThat(published(sample.id())).isEmpty(); // not confirmed: not assessed

		var v2 = resultManagement.recordResult(sample.id(),
				new ResultDraft(
						List.of(found("ketamine", AnalysisMethod.GC_MS), found("xylazine", AnalysisMethod.GC_MS)), true,
						"lab"),
				"Lab", NOW.plusSeconds(3600));
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.flags()).containsExactly(ResultFlag.UNEXPECTED_HIGH_RISK);
		assertThat(published(sample.id())).extracting(DangerousSampleFound::sampleId)
			.containsExactly(sample.id() + "#v2");

		var release = releaseManagement.release(sample.id(), analyst());
		assertThat(release.results()).extracting(ResultVersion::version).containsExactly(2, 1);
		assertThat(release.results().get(1).notes()).isEqualTo("on site");
		assertThat(release.results().get(1).components()).extracting(ResultVersion.Component::substanceCode)
			.containsExactly("ketamine");
		assertThat(release.current().components()).extracting(ResultVersion.Component::substanceCode)
			.containsExactly("ketamine", "xylazine");
	}

	@Test
	void takingInTheSameClientIdTwiceStoresOneSample() {
		var session = session();
		var clientId = UUID.randomUUID();
		var draft = new SampleDraft(clientId, SampleMode.FRONT_OF_HOUSE, "cocaine", DosageForm.POWDER, null, null, null,
				null, null, null, null, true, null);
		var first = sampleManagement.takeIn(session, draft, "analyst", NOW);
		var second = sampleManagement.takeIn(session, draft, "analyst", NOW.plusSeconds(60));
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.code()).isEqualTo(first.code());
		assertThat(sampleManagement.samples(session)).hasSize(1);
		assertThat(first.code()).matches("WM(-[234679ACDEFGHJKMNPQRTUVWXYZ]{4}){3}");
	}

	@Test
	void noDrugCheckingTableHasAColumnForAPerson() {
		var columns = jdbc
			.sql("SELECT table_name || '.' || column_name FROM information_schema.columns"
					+ " WHERE table_schema = 'drugchecking'")
			.query(String.class)
			.list();
		assertThat(columns).contains("sample.code", "sample.obtained_lad_code", "sample.age_band");
		assertThat(columns)
			.noneMatch(c -> c.matches("sample\\..*(name|email|phone|contact|address|postcode|birth|dob|nhs|ip).*"));
		assertThat(columns).noneMatch(c -> c.matches(".*(email|phone|address|postcode|birth|dob|nhs_number).*"));
	}

	@Test
	void badInputIsRefusedWholeAndNothingIsStored() {
		var session = session(LicenceCondition.ADULTS_ONLY);
		assertThatThrownBy(() -> sampleManagement.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, " ", DosageForm.PILL, null, null, null,
						null, new BigDecimal("-3"), "NOT-A-LAD", null, false, null),
				"analyst", NOW))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
						.contains("soldAs", "pillWeightMg", "obtainedLadCode", "consent", "ageBand"));
		assertThat(sampleManagement.samples(session)).isEmpty();

		var sample = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE,
				"MDMA", DosageForm.PILL, null, null, null, null, null, null, null, true, AgeBand.AGE_18_24), "analyst",
				NOW);
		assertThatThrownBy(
				() -> resultManagement
					.recordResult(sample.id(),
							new ResultDraft(
									List.of(mg("MDMA", "120", AnalysisMethod.FTIR),
											new ComponentDraft("caffeine", new BigDecimal("20"),
													QuantityUnit.MG_PER_UNIT, null, null, AnalysisMethod.FTIR)),
									true, null),
							"Analyst", NOW))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
						.containsExactlyInAnyOrder("components[1].basis", "components[1].confidence"));
		assertThat(jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE sample_id = ?")
			.param(sample.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPolicingReaderNeverSeesResultsOfANotForLawEnforcementSession() throws Exception {
		// The police see the service's sessions only under a data-sharing agreement; with
		// one, the licence still rules.
		var agreement = policeAgreement();
		try {
			var closed = session(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT);
			var open = session();
			var hidden = sample(closed, SampleMode.FRONT_OF_HOUSE, "heroin", DosageForm.POWDER);
			var policeSample = sample(closed, SampleMode.POLICE_SUBMITTED, "heroin", DosageForm.POWDER);
			var visible = sample(open, SampleMode.POLICE_SUBMITTED, "cocaine", DosageForm.POWDER);
			for (var s : List.of(hidden, policeSample, visible)) {
				resultManagement.recordResult(s.id(),
						new ResultDraft(List.of(found("fentanyl", AnalysisMethod.FTIR)), true, null), "Analyst", NOW);
			}
			var police = policeReader();
			assertThat(ReleaseManagement.audienceOf(police)).isEqualTo(Audience.LAW_ENFORCEMENT);
			for (var s : List.of(hidden, policeSample)) {
				var release = releaseManagement.release(s.id(), police);
				assertThat(release.isWithheld()).isTrue();
				assertThat(release.results()).isEmpty();
				assertThat(release.consultation()).isNull();
			}
			assertThat(releaseManagement.releases(closed, police))
				.allMatch(r -> r.isWithheld() && r.results().isEmpty());
			var csv = new StringBuilder();
			releaseManagement.exportCsv(closed, police, csv);
			assertThat(csv.toString()).doesNotContain(hidden.code()).doesNotContain("fentanyl");

			assertThat(releaseManagement.release(visible.id(), police).current()).isNotNull();
			assertThat(releaseManagement.release(hidden.id(), analyst()).current()).isNotNull();
			var analystCsv = new StringBuilder();
			releaseManagement.exportCsv(closed, analyst(), analystCsv);
			assertThat(analystCsv.toString()).contains(hidden.code(), policeSample.code(), "fentanyl");
		}
		finally {
			sharing.end(agreement, "admin");
		}
	}

	@Test
	void thePublicLookupShowsOnlyTheOwnFrontOfHouseResult() {
		var adults = session(LicenceCondition.ADULTS_ONLY);
		var own = sampleManagement.takeIn(
				adults, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, "pink",
						"Tesla", "round", true, new BigDecimal("310"), null, null, true, AgeBand.AGE_25_34),
				"analyst", NOW);
		// An under-18's sample is refused at intake: there is no result to give back.
		assertThatThrownBy(() -> sampleManagement.takeIn(adults,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, null, null, null,
						null, null, null, null, true, AgeBand.UNDER_18),
				"analyst", NOW))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("ageBand"));
		var bin = sample(adults, SampleMode.AMNESTY_BIN, "MDMA", DosageForm.PILL);
		for (var s : List.of(own, bin)) {
			resultManagement.recordResult(s.id(),
					new ResultDraft(List.of(mg("MDMA", "120", AnalysisMethod.FTIR)), true, "analyst's note"), "Analyst",
					NOW);
		}
		var lookup = releaseManagement.lookup(own.code().toLowerCase().replace("-", " ")).orElseThrow();
		assertThat(lookup.sample().id()).isEqualTo(own.id());
		assertThat(lookup.results()).singleElement().satisfies(r -> {
			assertThat(r.notes()).isNull();
			assertThat(r.analyst()).isEmpty();
		});
		assertThat(releaseManagement.lookup(bin.code())).isEmpty();
		assertThat(releaseManagement.lookup("WM-2222-2222")).isEmpty();
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
