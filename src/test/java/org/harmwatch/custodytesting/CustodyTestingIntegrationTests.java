package org.harmwatch.custodytesting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.harmwatch.custodytesting.CustodyTestingFixtures.TEAM;
import static org.harmwatch.custodytesting.CustodyTestingFixtures.positiveTheft;
import static org.harmwatch.custodytesting.CustodyTestingFixtures.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Custody testing on the real database: a positive test requires an assessment, which is
 * attended, the person referred and treatment started, each announced once by its event
 * and counted once by the funnel; a refusal has no result and no event; offences not in
 * effect, missing inspectors and impossible times are refused with the field named and
 * nothing stored; the treatment team sees a code of its own and answers only yes or no.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class CustodyTestingIntegrationTests {

	@Autowired
	CustodyTestingManagement custody;

	@Autowired
	TeamReferralManagement referrals;

	@Autowired
	CustodyFunnelManagement funnels;

	@Autowired
	SharingManagement sharing;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HarmwatchUser officer;

	HarmwatchUser team;

	@BeforeEach
	void setUp() {
		officer = staff(users, "custody");
		team = staff(users, "cjit");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
	}

	long arrests() {
		return jdbc.sql("SELECT count(*) FROM custodytesting.arrest").query(Long.class).single();
	}

	long[] funnelTotals(HarmwatchUser reader) {
		var month = YearMonth.from(custody.today());
		var funnel = funnels.funnel(month.minusMonths(1), month, reader);
		return funnel.total().stages().stream().mapToLong(s -> s.count() == null ? -1 : s.count()).toArray();
	}

	@Test
	void aPositiveTestGoesThroughAssessmentAndReferralToTreatmentEachAnnouncedAndCountedOnce() {
		var before = funnelTotals(officer);
		var person = "CR-" + UUID.randomUUID();
		var id = custody.recordArrest(positiveTheft(person), officer);

		var arrest = custody.arrest(id, officer);
		assertThat(arrest.positive()).isTrue();
		assertThat(arrest.offence().title()).isEqualTo("Theft");
		assertThat(arrest.districtName()).isEqualTo("Birmingham");
		assertThat(arrest.assessments()).singleElement().satisfies(a -> {
			assertThat(a.kind()).isEqualTo(AssessmentKind.INITIAL);
			assertThat(a.status()).isEqualTo(AssessmentStatus.REQUIRED);
		});
		var testId = arrest.tests().get(0).id();
		assertThat(events.stream(DrugTestRecorded.class).filter(e -> e.testId().equals(testId)))
			.containsExactly(new DrugTestRecorded(testId, "E08000025",
					LocalDate.ofInstant(arrest.tests().get(0).sampleTakenAt(), java.time.ZoneId.of("Europe/London")),
					true));

		// Referral before the assessment is attended: refused.
		assertThatThrownBy(() -> custody.refer(id, TEAM, custody.today(), officer)).isInstanceOfSatisfying(
				InputRejectedException.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::code)
					.contains("custodytesting.referral.notAssessed"));

		var assessment = arrest.assessments().get(0).id();
		var appointment = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
		custody.updateAssessment(assessment, new AssessmentUpdate(AssessmentStatus.BOOKED, appointment, null, null),
				officer);
		custody.updateAssessment(assessment,
				new AssessmentUpdate(AssessmentStatus.ATTENDED, null, custody.today(), null), officer);
		assertThat(events.stream(AssessmentAttended.class).filter(e -> e.assessmentId().equals(assessment)))
			.containsExactly(new AssessmentAttended(assessment, "E08000025", custody.today()));
		// Attended is final: the event is not published twice.
		assertThatThrownBy(() -> custody.updateAssessment(assessment,
				new AssessmentUpdate(AssessmentStatus.ATTENDED, null, custody.today(), null), officer))
			.isInstanceOf(InputRejectedException.class);
		assertThat(events.stream(AssessmentAttended.class).filter(e -> e.assessmentId().equals(assessment))).hasSize(1);

		var referralId = custody.refer(id, TEAM, custody.today(), officer);
		assertThat(events.stream(TreatmentReferralMade.class).filter(e -> e.referralId().equals(referralId)))
			.containsExactly(new TreatmentReferralMade(referralId, "E08000025", custody.today()));
		assertThatThrownBy(() -> custody.refer(id, TEAM, custody.today(), officer))
			.isInstanceOf(InputRejectedException.class);

		// The team: a code of its own, the day, who referred from where; nothing else.
		var seen = referrals.teamReferral(referralId, team);
		assertThat(seen.personCode()).startsWith("CJ-").isNotEqualTo(person);
		assertThat(seen.referringAgencyName()).isEqualTo("West Midlands Police");
		assertThat(seen.districtName()).isEqualTo("Birmingham");
		assertThat(referrals.teamReferrals(1, team).referrals()).extracting(TeamReferral::id).contains(referralId);

		// A started treatment needs its day, not before the referral.
		assertThatThrownBy(() -> referrals.answer(referralId, true, null, team)).isInstanceOfSatisfying(
				InputRejectedException.class,
				ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("startedOn"));
		assertThatThrownBy(() -> referrals.answer(referralId, true, custody.today().minusDays(400), team))
			.isInstanceOf(InputRejectedException.class);
		referrals.answer(referralId, false, null, team);
		assertThat(events.stream(TreatmentStarted.class).filter(e -> e.referralId().equals(referralId))).isEmpty();
		referrals.answer(referralId, true, custody.today(), team);
		assertThat(events.stream(TreatmentStarted.class).filter(e -> e.referralId().equals(referralId)))
			.containsExactly(new TreatmentStarted(referralId, "E08000025", custody.today()));
		assertThatThrownBy(() -> referrals.answer(referralId, true, custody.today(), team))
			.isInstanceOf(InputRejectedException.class);
		assertThat(events.stream(TreatmentStarted.class).filter(e -> e.referralId().equals(referralId))).hasSize(1);

		// The police side sees the yes and the day; the funnel counts the arrest once in
		// every stage.
		var referral = custody.arrest(id, officer).referral();
		assertThat(referral.treatmentStarted()).isTrue();
		assertThat(referral.treatmentStartedOn()).isEqualTo(custody.today());
		var after = funnelTotals(officer);
		for (int i = 0; i < after.length; i++) {
			assertThat(after[i] - before[i]).as(FunnelStage.values()[i].name()).isEqualTo(1);
		}
		// Anyone not entitled to the records sees withheld counts, never whole ones.
		assertThat(funnels.funnel(YearMonth.from(custody.today()), YearMonth.from(custody.today()), team).suppressed())
			.isTrue();
		assertThat(funnels.funnel(YearMonth.from(custody.today()), YearMonth.from(custody.today()), null).suppressed())
			.isTrue();
	}

	@Test
	void aRefusalHasNoResultNoEventAndNoAssessmentAndARetestCanBePositive() {
		var draft = positiveTheft("CR-" + UUID.randomUUID());
		var refused = new ArrestDraft(draft.suiteCode(), draft.personCode(), draft.arrestedAt(), draft.basis(),
				draft.offenceCode(), null,
				new TestDraft(draft.test().sampleTakenAt(), null, TestOutcome.REFUSED, null, null));
		var before = events.stream(DrugTestRecorded.class).count();
		var id = custody.recordArrest(refused, officer);
		var arrest = custody.arrest(id, officer);
		assertThat(arrest.tests()).singleElement().satisfies(t -> {
			assertThat(t.outcome()).isEqualTo(TestOutcome.REFUSED);
			assertThat(t.cocaine()).isNull();
			assertThat(t.opiates()).isNull();
		});
		assertThat(arrest.assessments()).isEmpty();
		assertThat(events.stream(DrugTestRecorded.class).count()).isEqualTo(before);

		// A refusal with a result is refused.
		assertThatThrownBy(
				() -> custody
					.recordRetest(id,
							new TestDraft(Instant.now().minusSeconds(60), null, TestOutcome.REFUSED,
									SubstanceResult.POSITIVE, null),
							officer))
			.isInstanceOf(InputRejectedException.class);
		custody.recordRetest(id, new TestDraft(Instant.now().minusSeconds(60), "DrugWipe 5S", TestOutcome.RESULT,
				SubstanceResult.NEGATIVE, SubstanceResult.POSITIVE), officer);
		var retested = custody.arrest(id, officer);
		assertThat(retested.tests()).extracting(TestView::retest).containsExactly(false, true);
		assertThat(retested.assessments()).extracting(AssessmentView::status)
			.containsExactly(AssessmentStatus.REQUIRED);
		assertThat(events.stream(DrugTestRecorded.class).count()).isEqualTo(before + 1);
	}

	@Test
	void aMissedAssessmentKeepsItsConsequenceAndAFollowUpFollowsAnAttendedOne() {
		var id = custody.recordArrest(positiveTheft("CR-" + UUID.randomUUID()), officer);
		var initial = custody.arrest(id, officer).assessments().get(0).id();
		// Missed needs an appointment and what followed.
		assertThatThrownBy(() -> custody.updateAssessment(initial,
				new AssessmentUpdate(AssessmentStatus.MISSED, null, null, null), officer))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
						.containsExactly("appointmentAt", "consequence"));
		assertThatThrownBy(() -> custody.requireFollowUp(id, officer)).isInstanceOf(InputRejectedException.class);
		custody.updateAssessment(initial, new AssessmentUpdate(AssessmentStatus.MISSED, Instant.now().minusSeconds(600),
				null, MissedConsequence.CHARGED_FAILURE_TO_ATTEND), officer);
		assertThat(custody.arrest(id, officer).assessments().get(0).consequence())
			.isEqualTo(MissedConsequence.CHARGED_FAILURE_TO_ATTEND);
		custody.updateAssessment(initial, new AssessmentUpdate(AssessmentStatus.ATTENDED, null, custody.today(), null),
				officer);
		custody.requireFollowUp(id, officer);
		assertThat(custody.arrest(id, officer).assessments()).extracting(AssessmentView::kind)
			.containsExactly(AssessmentKind.INITIAL, AssessmentKind.FOLLOW_UP);
		assertThatThrownBy(() -> custody.requireFollowUp(id, officer)).isInstanceOf(InputRejectedException.class);
	}

	@Test
	void wrongInputIsRefusedWithItsFieldNamedAndNothingStored() {
		var before = arrests();
		var good = positiveTheft("CR-" + UUID.randomUUID());
		// Obtaining property by deception stopped being a trigger offence in 2007.
		assertThatThrownBy(() -> custody.recordArrest(new ArrestDraft(good.suiteCode(), good.personCode(),
				good.arrestedAt(), TestBasis.TRIGGER_OFFENCE, "OBTAINING_BY_DECEPTION", null, good.test()), officer))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::code)
						.containsExactly("custodytesting.offence.notInEffect"));
		assertThatThrownBy(() -> custody.recordArrest(new ArrestDraft(good.suiteCode(), good.personCode(),
				good.arrestedAt(), TestBasis.INSPECTOR_DISCRETION, null, null, good.test()), officer))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("inspector"));
		assertThatThrownBy(() -> custody.recordArrest(
				new ArrestDraft("NO_SUCH_SUITE", "x\u0000y", good.arrestedAt(), good.basis(), good.offenceCode(), null,
						new TestDraft(good.arrestedAt().minusSeconds(60), null, TestOutcome.RESULT, null, null)),
				officer))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
						.contains("suiteCode", "personCode", "sampleTakenAt", "cocaine", "opiates"));
		assertThat(arrests()).isEqualTo(before);
		// Before 2007 it was one.
		var old = Instant.parse("2005-03-01T10:00:00Z");
		var id = custody.recordArrest(new ArrestDraft("PERRY_BARR", good.personCode(), old, TestBasis.TRIGGER_OFFENCE,
				"OBTAINING_BY_DECEPTION", null, null), officer);
		assertThat(custody.arrest(id, officer).tests()).isEmpty();
		// The discretion route with its inspector.
		var discretion = custody.recordArrest(new ArrestDraft("COVENTRY", good.personCode(), good.arrestedAt(),
				TestBasis.INSPECTOR_DISCRETION, null, "Insp. Rao 4471", good.test()), officer);
		assertThat(custody.arrest(discretion, officer).inspector()).isEqualTo("Insp. Rao 4471");
		assertThat(custody.arrest(discretion, officer).offence()).isNull();
	}

	@Test
	void theFormAnswersHostileInputWithItsProblemsAndTheExportIsThePolicesAlone() throws Exception {
		var before = arrests();
		mvc.perform(post("/custody-testing/arrests").with(user(officer))
			.with(csrf())
			.param("suiteCode", "NO_SUCH_SUITE")
			.param("personCode", "x".repeat(5000))
			.param("arrestedAt", "99999-99-99T99:99")
			.param("basis", "EVERYTHING")
			.param("outcome", "RESULT")
			.param("sampleTakenAt", "yesterday")).andExpect(status().isUnprocessableContent());
		assertThat(arrests()).isEqualTo(before);

		var person = "CR-EXPORT-" + UUID.randomUUID();
		CustodyTestingFixtures.referredArrest(custody, officer, person);
		var csv = mvc.perform(get("/custody-testing/export.csv").with(user(officer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().findFirst()).hasValue(String.join(",", ExportFormat.COLUMNS));
		assertThat(csv).contains(person + "," + custody.today().minusDays(0).toString().substring(0, 4));
		assertThat(csv.lines().filter(l -> l.contains(person))).singleElement()
			.satisfies(l -> assertThat(l).contains(",Y,THEFT,N,", ",POSITIVE,NEGATIVE,N,ATTENDED,", "," + TEAM + ","));
		mvc.perform(get("/custody-testing/export.csv").with(user(team))).andExpect(status().isForbidden());
		mvc.perform(get("/custody-testing/export.csv").param("from", "2026-13").with(user(officer)))
			.andExpect(status().is4xxClientError());
		assertThatThrownBy(() -> custody.arrest(UUID.randomUUID(), officer)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> custody.arrests(null, 1, team)).isInstanceOf(AccessDeniedException.class);
	}

}
