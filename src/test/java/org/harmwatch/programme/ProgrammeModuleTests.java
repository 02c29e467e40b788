package org.harmwatch.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.harmwatch.dissemination.AlertDeliveriesCounted;
import org.harmwatch.dissemination.DeliveryAcknowledged;
import org.harmwatch.dissemination.FeedbackGiven;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalDecided;
import org.harmwatch.earlywarning.SignalEscalated;
import org.harmwatch.earlywarning.SignalGraded;
import org.harmwatch.earlywarning.SignalMerged;
import org.harmwatch.earlywarning.SignalOpened;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The programme module alone (with the platform, geography and agency it stands on):
 * early warning's and dissemination's events, published as those modules publish them,
 * keep the measures up to date; repeated and late events change nothing. Each test has a
 * year of its own, so that no other figure falls into its period.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "geography", "agency" })
@ActiveProfiles("test")
class ProgrammeModuleTests {

	@Autowired
	MeasuresManagement measures;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	CompletedEventPublications completed;

	/**
	 * Whether every publication of these events has been handled, and each was handled at
	 * least once.
	 */
	boolean handled(Object... events) {
		var awaited = List.of(events);
		return registry.findIncompletePublications().stream().noneMatch(p -> awaited.contains(p.getEvent()))
				&& awaited.stream().allMatch(e -> completed.findAll().stream().anyMatch(p -> e.equals(p.getEvent())));
	}

	/** Publishes the events in this order, in one transaction, as their modules do. */
	static BiConsumer<TransactionOperations, ApplicationEventPublisher> publishing(Object... events) {
		return (tx, publisher) -> tx.executeWithoutResult(status -> {
			for (var event : events) {
				publisher.publishEvent(event);
			}
		});
	}

	long band(EarlyWarningMeasures m, String band, Urgency urgency) {
		return m.openSignals()
			.stream()
			.filter(b -> b.band().equals(band))
			.findFirst()
			.orElseThrow()
			.byUrgency()
			.get(urgency);
	}

	@Test
	void aSignalIsInTheBacklogWithItsHighestUrgencyUntilItIsGradedWhateverOrderTheEventsArriveIn(Scenario scenario) {
		var now = Instant.parse("2033-06-01T12:00:00Z");
		var signal = UUID.randomUUID();
		var opened = new SignalOpened(signal, "heroin", "OPIOID", "E08000025", Urgency.ROUTINE, List.of(),
				now.minus(Duration.ofHours(30)));
		var escalated = new SignalEscalated(signal, Urgency.URGENT, now.minus(Duration.ofHours(20)));
		var validated = new SignalDecided(signal, SignalStatus.VALIDATED, now.minus(Duration.ofHours(10)));
		// The escalation is handled before the opening: the urgency stays the higher one.
		scenario.stimulate(publishing(escalated, opened, validated))
			.andWaitForStateChange(() -> handled(escalated, opened, validated), Boolean::booleanValue)
			.andVerify(done -> {
				var m = measures.measures(30, now);
				assertThat(band(m, "DAYS_1_TO_3", Urgency.URGENT)).isEqualTo(1);
				assertThat(m.openSignals().stream().mapToLong(EarlyWarningMeasures.AgeBand::total).sum()).isEqualTo(1);
				assertThat(m.signalsOpened()).isEqualTo(1);
			});

		var graded = new SignalGraded(signal, PanelOutcome.ALERT_PROFESSIONALS, "Two grades agree.", now);
		// A late copy of the validation after the grade does not bring the signal back
		// into the backlog.
		scenario.stimulate(publishing(graded, validated))
			.andWaitForStateChange(() -> handled(graded, validated), Boolean::booleanValue)
			.andVerify(done -> {
				var m = measures.measures(30, now);
				assertThat(m.openSignals().stream().mapToLong(EarlyWarningMeasures.AgeBand::total).sum()).isZero();
				assertThat(m.signalsOpened()).isEqualTo(1);
			});
	}

	@Test
	void aDuplicateMergedIntoAnotherSignalLeavesTheBacklogAndTheCountOfSignalsOpened(Scenario scenario) {
		var now = Instant.parse("2036-06-01T12:00:00Z");
		var survivor = UUID.randomUUID();
		var duplicate = UUID.randomUUID();
		var openedSurvivor = new SignalOpened(survivor, "heroin", "OPIOID", "E08000025", Urgency.HIGH, List.of(),
				now.minus(Duration.ofHours(30)));
		var openedDuplicate = new SignalOpened(duplicate, "heroin", "OPIOID", "E08000025", Urgency.ROUTINE, List.of(),
				now.minus(Duration.ofHours(20)));
		scenario.stimulate(publishing(openedSurvivor, openedDuplicate))
			.andWaitForStateChange(() -> handled(openedSurvivor, openedDuplicate), Boolean::booleanValue)
			.andVerify(done -> {
				var m = measures.measures(30, now);
				assertThat(m.openSignals().stream().mapToLong(EarlyWarningMeasures.AgeBand::total).sum()).isEqualTo(2);
				assertThat(m.signalsOpened()).isEqualTo(2);
			});
		var merged = new SignalMerged(duplicate, survivor, now.minus(Duration.ofHours(2)));
		// A late copy of the duplicate's opening after the merge does not bring it back,
		// and the merge delivered again changes nothing.
		for (var events : List.of(new Object[] { merged, openedDuplicate }, new Object[] { merged })) {
			scenario.stimulate(publishing(events))
				.andWaitForStateChange(() -> handled(events), Boolean::booleanValue)
				.andVerify(done -> {
					var m = measures.measures(30, now);
					assertThat(m.openSignals().stream().mapToLong(EarlyWarningMeasures.AgeBand::total).sum())
						.isEqualTo(1);
					assertThat(band(m, "DAYS_1_TO_3", Urgency.HIGH)).isEqualTo(1);
					assertThat(band(m, "DAYS_1_TO_3", Urgency.ROUTINE)).isZero();
					assertThat(m.signalsOpened()).isEqualTo(1);
				});
		}
	}

	@Test
	void firstIssuesCountByLevelWithTheTimeFromFirstEvidenceAndExercisesAndUpdatesLeftOut(Scenario scenario) {
		var now = Instant.parse("2034-06-01T12:00:00Z");
		var warning = issue(UUID.randomUUID(), 1, AlertLevel.WARNING, false, now.minus(Duration.ofHours(4)),
				now.minus(Duration.ofHours(12)));
		var update = issue(warning.alertId(), 2, AlertLevel.CRITICAL, false, now.minus(Duration.ofHours(2)),
				now.minus(Duration.ofHours(12)));
		var exercise = issue(UUID.randomUUID(), 1, AlertLevel.CRITICAL, true, now.minus(Duration.ofHours(1)),
				now.minus(Duration.ofHours(2)));
		scenario.stimulate(publishing(warning, update, exercise))
			.andWaitForStateChange(() -> handled(warning, update, exercise), Boolean::booleanValue)
			.andVerify(done -> assertThat(measures.measures(30, now).alertsIssued()).isEqualTo(1));
		// The registry delivers the first issue again: nothing changes.
		scenario.stimulate(publishing(warning))
			.andWaitForStateChange(() -> handled(warning), Boolean::booleanValue)
			.andVerify(done -> {
				var m = measures.measures(30, now);
				assertThat(m.alertsIssued()).isEqualTo(1);
				assertThat(m.alertsByLevel().get(AlertLevel.WARNING)).isEqualTo(1);
				assertThat(m.alertsByLevel().get(AlertLevel.CRITICAL)).isZero();
				assertThat(m.medianHoursToAlert()).isCloseTo(8.0, within(0.01));
				assertThat(m.slowestHoursToAlert()).isCloseTo(8.0, within(0.01));
			});
	}

	@Test
	void deliveriesCountTheLatestCountAndEachAnswerOnce(Scenario scenario) {
		var now = Instant.parse("2035-06-01T12:00:00Z");
		var alert = UUID.randomUUID();
		var queued = now.minus(Duration.ofDays(1));
		var early = new AlertDeliveriesCounted(alert, 1, queued, 10, 2, 0, 1, now.minus(Duration.ofHours(20)));
		var later = new AlertDeliveriesCounted(alert, 1, queued, 10, 8, 1, 4, now.minus(Duration.ofHours(19)));
		long delivery = Math.abs(alert.getMostSignificantBits() % 1_000_000_000L);
		var acknowledged = new DeliveryAcknowledged(delivery, alert, 1, queued, now.minus(Duration.ofHours(18)));
		var feedback = new FeedbackGiven(delivery, alert, 1, queued, true, false, now.minus(Duration.ofHours(17)));
		// The later count is handled first and the earlier one arrives late; every answer
		// arrives twice.
		scenario.stimulate(publishing(later, acknowledged, feedback))
			.andWaitForStateChange(() -> handled(later, acknowledged, feedback), Boolean::booleanValue)
			.andVerify(done -> assertThat(measures.measures(30, now).delivery().delivered()).isEqualTo(8));
		scenario.stimulate(publishing(early, acknowledged, feedback))
			.andWaitForStateChange(() -> handled(early, acknowledged, feedback), Boolean::booleanValue)
			.andVerify(done -> {
				var d = measures.measures(30, now).delivery();
				assertThat(d.deliveries()).isEqualTo(10);
				assertThat(d.delivered()).isEqualTo(8);
				assertThat(d.failed()).isEqualTo(1);
				assertThat(d.acknowledgeable()).isEqualTo(4);
				assertThat(d.acknowledged()).isEqualTo(1);
				assertThat(d.feedback()).isEqualTo(1);
				assertThat(d.useful()).isEqualTo(1);
				assertThat(d.changedPractice()).isZero();
				assertThat(d.deliveredPercent()).isCloseTo(80.0, within(0.01));
			});
	}

	static AlertIssued issue(UUID alert, int version, AlertLevel level, boolean exercise, Instant issuedAt,
			Instant firstEvidence) {
		return new AlertIssued(alert, version, "HW-TEST-" + version,
				version == 1 ? AlertMessageType.ALERT : AlertMessageType.UPDATE, level, Set.of(Audience.PROFESSIONALS),
				exercise, "Test", "Look out", "", "Advice", "SMS", List.of("E08000025"), List.of("OPIOID"),
				List.of("Heroin"), "/alerts/HW-TEST", issuedAt, issuedAt.plus(Duration.ofDays(7)), UUID.randomUUID(),
				firstEvidence);
	}

}
