package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.earlywarning.internal.Signal;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The expert panel: deadlines by urgency, one grade per member, the quorum before the
 * outcome, reminders and escalation (each once, with the instants the test chooses), and
 * corroboration.
 *
 * <p>
 * Every test works in its own stretch of time far from other tests' (years apart, from
 * 2090), passed explicitly. Other tests' validated signals share the database, so a chase
 * is checked only for this test's signal.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class PanelIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	PanelManagement panel;

	@Autowired
	GeographyManagement geography;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	/** The start of a stretch of time no other test uses. */
	static Instant slot() {
		return Instant.parse("2090-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
	}

	UUID report(Instant when, String lad, Set<Outcome> outcomes, String... substances) {
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, when, null, null, lad,
				java.util.Arrays.stream(substances).map(s -> new SubstanceMention(s, HowKnown.TEST_STRIP)).toList(),
				null, outcomes, 1, null);
		var report = earlyWarning.submit(draft, null, when.plus(Duration.ofMinutes(10)));
		return earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
	}

	/** An urgent signal (fentanyl new to Birmingham) validated at {@code at}. */
	UUID validatedUrgentSignal(Instant at) {
		var signal = report(at.minus(Duration.ofHours(1)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "fentanyl");
		assertThat(earlyWarning.signal(signal).urgency()).isEqualTo(Urgency.URGENT);
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", at);
		return signal;
	}

	PanelGrade grade(UUID signal, String member, PanelOutcome recommendation, Instant at) {
		return panel.grade(signal, EvidenceStrength.B, PotentialHarm.SEVERE, recommendation, "Reasons of " + member,
				member, "Member " + member, at);
	}

	@Test
	void theDeadlineFollowsTheUrgency() {
		var t = slot();
		var urgent = validatedUrgentSignal(t);
		var routine = report(t.minus(Duration.ofHours(1)), "E08000026", Set.of(Outcome.UNUSUAL_EFFECTS), "ketamine");
		var high = routine;
		var t2 = t.plus(Duration.ofDays(40));
		for (int i = 0; i < 3; i++) {
			high = report(t2.minus(Duration.ofHours(3 - i)), "E08000030", Set.of(Outcome.OVERDOSE), "heroin");
		}
		assertThat(earlyWarning.signal(routine).urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(earlyWarning.signal(high).urgency()).isEqualTo(Urgency.HIGH);
		assertThat(panel.round(routine, t)).as("no grading before validation").isEmpty();
		earlyWarning.decide(routine, SignalStatus.VALIDATED, null, "coordinator", t);
		earlyWarning.decide(high, SignalStatus.VALIDATED, null, "coordinator", t2);

		assertThat(panel.round(urgent, t).orElseThrow().deadline()).isEqualTo(t.plus(Duration.ofHours(4)));
		assertThat(panel.round(routine, t).orElseThrow().deadline()).isEqualTo(t.plus(Duration.ofHours(72)));
		assertThat(panel.round(high, t2).orElseThrow().deadline()).isEqualTo(t2.plus(Duration.ofHours(24)));
		var round = panel.round(urgent, t.plus(Duration.ofMinutes(30))).orElseThrow();
		assertThat(round.remindAt()).isEqualTo(t.plus(Duration.ofHours(2)));
		assertThat(round.remainingText()).isEqualTo("3 hours 30 minutes");
		assertThat(round.members()).contains("panel", "panel2", "coordinator").doesNotContain("frontline");
		assertThat(panel.queue(t).stream().map(r -> r.signal().id())).contains(urgent, routine);
	}

	@Test
	void oneGradeCannotRecordTheOutcomeTwoCan() {
		var t = slot();
		var signal = validatedUrgentSignal(t);
		grade(signal, "panel", PanelOutcome.ALERT_PROFESSIONALS, t.plus(Duration.ofMinutes(10)));

		assertThatThrownBy(() -> panel.recordOutcome(signal, PanelOutcome.ALERT_PROFESSIONALS, "Enough", "coordinator",
				t.plus(Duration.ofMinutes(20))))
			.isInstanceOfSatisfying(InputRejectedException.class, ex -> {
				assertThat(ex).isNotInstanceOf(Signal.NotOpen.class);
				assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("outcome");
				assertThat(EarlyWarningMessages.texts(ex)).singleElement()
					.asString()
					.contains("needs 2 grades")
					.contains("it has 1");
			});
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(SignalStatus.VALIDATED);
		assertThat(earlyWarning.signal(signal).outcome()).isNull();

		grade(signal, "panel2", PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, t.plus(Duration.ofMinutes(30)));
		var round = panel.round(signal, t.plus(Duration.ofMinutes(31))).orElseThrow();
		assertThat(round.quorumReached()).isTrue();
		assertThat(round.defaultOutcome()).as("a tie goes to the more action")
			.isEqualTo(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);

		// A missing rationale is refused and changes nothing.
		assertThatThrownBy(() -> panel.recordOutcome(signal, PanelOutcome.ALERT_PROFESSIONALS, " ", "coordinator",
				t.plus(Duration.ofMinutes(40))))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("rationale"));
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(SignalStatus.VALIDATED);

		var at = t.plus(Duration.ofMinutes(45));
		var graded = panel.recordOutcome(signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, "Fentanyl in heroin",
				"coordinator", at);
		assertThat(graded.status()).isEqualTo(SignalStatus.GRADED);
		assertThat(graded.outcome()).isEqualTo(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		assertThat(graded.outcomeRationale()).isEqualTo("Fentanyl in heroin");
		assertThat(graded.gradedAt()).isEqualTo(at);
		assertThat(events.stream(SignalGraded.class).filter(e -> e.signalId().equals(signal))).containsExactly(
				new SignalGraded(signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, "Fentanyl in heroin", at));
		assertThat(panel.round(signal, at).orElseThrow().gradedBy()).isEqualTo("coordinator");

		// Once recorded, neither grades nor the outcome change.
		assertThatThrownBy(() -> grade(signal, "panel", PanelOutcome.MONITOR, at.plus(Duration.ofMinutes(1))))
			.isInstanceOf(Signal.NotOpen.class);
		assertThatThrownBy(() -> panel.recordOutcome(signal, PanelOutcome.MONITOR, "Again", "coordinator", at))
			.isInstanceOf(Signal.NotOpen.class);
		assertThat(panel.grades(signal)).extracting(PanelGrade::recommendation)
			.containsExactly(PanelOutcome.ALERT_PROFESSIONALS, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE record_id = ? AND action IN "
					+ "('PANEL_GRADED', 'PANEL_OUTCOME_RECORDED')")
			.param(signal.toString())
			.query(Long.class)
			.single()).as("who graded and who recorded the outcome are audited").isEqualTo(3);
	}

	@Test
	void aSecondGradeByTheSameMemberReplacesTheFirst() {
		var t = slot();
		var signal = validatedUrgentSignal(t);
		grade(signal, "panel", PanelOutcome.MONITOR, t.plus(Duration.ofMinutes(5)));
		panel.grade(signal, EvidenceStrength.A, PotentialHarm.HIGH, PanelOutcome.ALERT_PROFESSIONALS, "Lab confirmed",
				"panel", "Member panel", t.plus(Duration.ofMinutes(15)));

		var grades = panel.grades(signal);
		assertThat(grades).hasSize(1);
		var grade = grades.getFirst();
		assertThat(grade.strength()).isEqualTo(EvidenceStrength.A);
		assertThat(grade.recommendation()).isEqualTo(PanelOutcome.ALERT_PROFESSIONALS);
		assertThat(grade.rationale()).isEqualTo("Lab confirmed");
		assertThat(grade.firstGradedAt()).isEqualTo(t.plus(Duration.ofMinutes(5)));
		assertThat(grade.gradedAt()).isEqualTo(t.plus(Duration.ofMinutes(15)));
		assertThat(grade.matrixSuggestion()).isEqualTo(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		assertThatThrownBy(() -> panel.recordOutcome(signal, PanelOutcome.ALERT_PROFESSIONALS, "Twice is not two",
				"coordinator", t.plus(Duration.ofMinutes(20))))
			.isInstanceOf(InputRejectedException.class);
	}

	@Test
	void badInputChangesNothing() {
		var t = slot();
		var signal = validatedUrgentSignal(t);
		assertThatThrownBy(() -> panel.grade(signal, null, PotentialHarm.LOW, null, "  ", "panel", "Member panel", t))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
						.containsExactly("strength", "recommendation", "rationale"));
		assertThatThrownBy(() -> panel.grade(signal, EvidenceStrength.C, PotentialHarm.LOW, PanelOutcome.MONITOR,
				"x".repeat(PanelManagement.MAX_RATIONALE + 1), "panel", "Member panel", t))
			.isInstanceOf(InputRejectedException.class);
		assertThat(panel.grades(signal)).isEmpty();

		var open = report(t.plus(Duration.ofDays(100)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "ketamine");
		assertThatThrownBy(() -> grade(open, "panel", PanelOutcome.MONITOR, t)).isInstanceOf(Signal.NotOpen.class);
		assertThat(panel.grades(open)).isEmpty();
	}

	@Test
	void membersWhoHaveNotGradedAreRemindedOnceAtHalfTime() {
		var t = slot();
		var signal = validatedUrgentSignal(t);
		grade(signal, "panel", PanelOutcome.ALERT_PROFESSIONALS, t.plus(Duration.ofMinutes(10)));

		assertThat(remindersFor(signal, panel.chase(t.plus(Duration.ofMinutes(119))))).isEmpty();
		var due = remindersFor(signal, panel.chase(t.plus(Duration.ofHours(2))));
		assertThat(due).hasSize(1);
		assertThat(due.getFirst().usernames()).contains("panel2", "coordinator").doesNotContain("panel", "frontline");
		assertThat(due.getFirst().deadline()).isEqualTo(t.plus(Duration.ofHours(4)));
		assertThat(remindersFor(signal, panel.chase(t.plus(Duration.ofMinutes(150))))).as("once only").isEmpty();
		assertThat(panel.round(signal, t.plus(Duration.ofMinutes(150))).orElseThrow().reminded()).contains("panel2")
			.doesNotContain("panel");
		assertThat(events.stream(GradingReminderDue.class).filter(e -> e.signalId().equals(signal))).hasSize(1);
	}

	@Test
	void theOutOfHoursLeadIsToldOnceWhenTheDeadlinePassesWithoutAQuorum() {
		var t = slot();
		var signal = validatedUrgentSignal(t);
		grade(signal, "panel", PanelOutcome.ALERT_PROFESSIONALS, t.plus(Duration.ofMinutes(10)));
		var quorate = report(t.minus(Duration.ofHours(1)), "E08000026", Set.of(Outcome.DEATH), "heroin");
		earlyWarning.decide(quorate, SignalStatus.VALIDATED, null, "coordinator", t);
		grade(quorate, "panel", PanelOutcome.ALERT_PROFESSIONALS, t.plus(Duration.ofMinutes(10)));
		grade(quorate, "panel2", PanelOutcome.ALERT_PROFESSIONALS, t.plus(Duration.ofMinutes(20)));

		var before = t.plus(Duration.ofHours(4)).minusSeconds(1);
		assertThat(escalationsFor(signal, panel.chase(before))).isEmpty();
		assertThat(panel.round(signal, before).orElseThrow().overdue()).isFalse();

		var deadline = t.plus(Duration.ofHours(4));
		var overdue = escalationsFor(signal, panel.chase(deadline));
		assertThat(overdue).containsExactly(new GradingOverdue(signal, "coordinator", deadline, 1, 2));
		assertThat(escalationsFor(signal, panel.chase(deadline.plus(Duration.ofHours(1))))).as("once only").isEmpty();
		assertThat(events.stream(GradingOverdue.class).filter(e -> e.signalId().equals(signal))).hasSize(1);
		assertThat(events.stream(GradingOverdue.class).filter(e -> e.signalId().equals(quorate)))
			.as("a signal with a quorum is not escalated")
			.isEmpty();

		var round = panel.round(signal, deadline.plus(Duration.ofMinutes(5))).orElseThrow();
		assertThat(round.overdue()).isTrue();
		assertThat(round.escalatedTo()).isEqualTo("coordinator");
		assertThat(round.escalatedAt()).isEqualTo(deadline);
	}

	@Test
	void corroborationShowsNearbyReportsDrugCheckingAndNotOtherSubstances() {
		var t = slot();
		var signal = report(t, BIRMINGHAM, Set.of(Outcome.OVERDOSE), "fentanyl");
		var neighbour = geography.neighbours(BIRMINGHAM).getFirst();
		var nearby = report(t.minus(Duration.ofDays(10)), neighbour, Set.of(Outcome.OVERDOSE), "fentanyl");
		report(t.minus(Duration.ofDays(9)), neighbour, Set.of(Outcome.OVERDOSE), "ketamine");
		report(t.minus(Duration.ofDays(45)), neighbour, Set.of(Outcome.OVERDOSE), "fentanyl");
		var sample = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", BIRMINGHAM, "heroin",
				List.of("heroin", "isotonitazene"), List.of("nitazene found in heroin"), "FTIR",
				t.minus(Duration.ofDays(2)));
		var sampleSignal = earlyWarning.recordDangerousSample(sample, t.minus(Duration.ofDays(2)));
		// A finding in the same district about another family of drugs does not bear on
		// it.
		var ketamine = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", BIRMINGHAM, "ketamine",
				List.of("ketamine", "methoxetamine"), List.of("methoxetamine found in ketamine"), "FTIR",
				t.minus(Duration.ofDays(3)));
		earlyWarning.recordDangerousSample(ketamine, t.minus(Duration.ofDays(3)));

		var corroboration = panel.corroboration(signal, t);
		assertThat(corroboration.since()).isEqualTo(t.minus(Duration.ofDays(30)));
		assertThat(corroboration.districts()).contains("Birmingham").hasSizeGreaterThan(1);
		assertThat(corroboration.reports()).hasSize(1);
		var other = corroboration.reports().getFirst();
		assertThat(other.signalId()).isEqualTo(nearby);
		assertThat(other.sameDistrict()).isFalse();
		assertThat(other.substances()).containsExactly("Fentanyl");
		assertThat(corroboration.drugChecks()).extracting(Corroboration.Finding::signalId)
			.containsExactly(sampleSignal);
		assertThat(corroboration.spikes()).isEmpty();
	}

	static List<GradingReminderDue> remindersFor(UUID signal, PanelManagement.Chased chased) {
		return chased.reminders().stream().filter(r -> r.signalId().equals(signal)).toList();
	}

	static List<GradingOverdue> escalationsFor(UUID signal, PanelManagement.Chased chased) {
		return chased.escalations().stream().filter(r -> r.signalId().equals(signal)).toList();
	}

}
