package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.earlywarning.internal.SignalEngine;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Grouping reports and events into signals, the rules that set their urgency, and the
 * idempotent event listeners.
 *
 * <p>
 * Every test works in its own stretch of time (years apart), passed explicitly, so the
 * rules' look-back windows never see another test's evidence in the shared database.
 */
@HarmwatchIntegrationTest
class SignalIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	CompletedEventPublications completedPublications;

	/** The start of a stretch of time no other test uses. */
	static Instant slot() {
		return Instant.parse("2031-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
	}

	static ReportDraft report(Instant when, String lad, Set<Outcome> outcomes, String... substances) {
		return new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, when, null, null, lad,
				java.util.Arrays.stream(substances).map(s -> new SubstanceMention(s, HowKnown.TEST_STRIP)).toList(),
				null, outcomes, 1, null);
	}

	UUID submit(ReportDraft draft) {
		return earlyWarning.submit(draft, null, draft.occurredAt().plus(Duration.ofHours(1)));
	}

	UUID signalOf(UUID report) {
		return earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
	}

	@Test
	void tenReportsOfOneBatchAreOneSignalWithTenPiecesOfEvidence() {
		var t = slot();
		var signals = new java.util.HashSet<UUID>();
		for (int i = 0; i < 10; i++) {
			// Spread over twelve days: each within the window of the one before.
			signals.add(signalOf(submit(report(t.plus(Duration.ofHours(29L * i)), BIRMINGHAM, Set.of(Outcome.OVERDOSE),
					i % 2 == 0 ? "heroin" : "smack"))));
		}
		assertThat(signals).hasSize(1);
		var signal = earlyWarning.signal(signals.iterator().next());
		assertThat(signal.evidenceCount()).isEqualTo(10);
		assertThat(earlyWarning.evidence(signal.id())).hasSize(10).allMatch(e -> e.kind() == EvidenceKind.REPORT);
		assertThat(signal.substanceCode()).isEqualTo("heroin");
		assertThat(signal.ladCode()).isEqualTo(BIRMINGHAM);

		var coventry = signalOf(
				submit(report(t.plus(Duration.ofDays(1)), COVENTRY, Set.of(Outcome.OVERDOSE), "heroin")));
		var cocaine = signalOf(
				submit(report(t.plus(Duration.ofDays(1)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "coke")));
		var later = signalOf(
				submit(report(t.plus(Duration.ofDays(60)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "heroin")));
		assertThat(Set.of(coventry, cocaine, later)).hasSize(3).doesNotContain(signal.id());
	}

	/**
	 * Reports arriving at once share transactions (group commit): each is stored and
	 * filed exactly once, into one signal per district and group, and the rules see them
	 * all.
	 */
	@Test
	void reportsArrivingAtOnceAreEachFiledOnceIntoOneSignalPerGroup() throws Exception {
		var t = slot();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var submitted = new java.util.ArrayList<java.util.concurrent.Future<UUID>>();
			for (int i = 0; i < 60; i++) {
				var when = t.plus(Duration.ofMinutes(i));
				var lad = i % 3 == 0 ? COVENTRY : BIRMINGHAM;
				var substance = i % 2 == 0 ? "ketamine" : "heroin";
				submitted.add(pool.submit(() -> submit(report(when, lad, Set.of(Outcome.OVERDOSE), substance))));
			}
			var reports = new java.util.ArrayList<UUID>();
			for (var future : submitted) {
				reports.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			var signals = reports.stream().map(this::signalOf).distinct().toList();
			assertThat(signals).as("one signal per district and substance").hasSize(4);
			assertThat(signals.stream().mapToInt(id -> earlyWarning.signal(id).evidenceCount()).sum()).isEqualTo(60);
			assertThat(jdbc.sql("SELECT count(*) FROM earlywarning.evidence WHERE kind = 'REPORT' AND ref IN (:refs)")
				.param("refs", reports.stream().map(UUID::toString).toList())
				.query(Long.class)
				.single()).isEqualTo(60);
			assertThat(signals)
				.allSatisfy(id -> assertThat(earlyWarning.signal(id).rules()).contains(SignalEngine.CLUSTER));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anUnresolvedSubstanceGroupsByTheClassChosen() {
		var t = slot();
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.PRISON, t, null, null, BIRMINGHAM,
				List.of(new SubstanceMention("green paper stuff", HowKnown.CLINICAL_PICTURE)),
				org.harmwatch.substances.SubstanceClass.SYNTHETIC_CANNABINOID, Set.of(Outcome.UNUSUAL_EFFECTS), 2,
				null);
		var first = signalOf(submit(draft));
		var second = signalOf(submit(new ReportDraft(Channel.STAFF_FORM, SourceType.PRISON, t.plus(Duration.ofDays(2)),
				null, null, BIRMINGHAM, List.of(new SubstanceMention("mystery liquid", HowKnown.SUSPECTED)),
				org.harmwatch.substances.SubstanceClass.SYNTHETIC_CANNABINOID, Set.of(Outcome.UNUSUAL_EFFECTS), 1,
				null)));
		assertThat(second).isEqualTo(first);
		assertThat(earlyWarning.signal(first).substanceClass()).isEqualTo("SYNTHETIC_CANNABINOID");
		assertThat(earlyWarning.signal(first).substanceCode()).isNull();
	}

	@Test
	void aDangerousSubstanceNewToADistrictIsUrgentButNotWhenSeenThereWithin90Days() {
		var t = slot();
		var first = earlyWarning
			.signal(signalOf(submit(report(t, BIRMINGHAM, Set.of(Outcome.OVERDOSE), "heroin", "fentanyl"))));
		assertThat(first.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(first.rules()).containsExactly(SignalEngine.NEW_DANGEROUS_SUBSTANCE);
		assertThat(first.substanceCode()).as("the most dangerous substance leads").isEqualTo("fentanyl");

		// 30 days later: outside the grouping window, so a new signal; fentanyl was seen
		// within 90 days, so routine.
		var again = earlyWarning.signal(signalOf(
				submit(report(t.plus(Duration.ofDays(30)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "fentanyl"))));
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(again.urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(again.rules()).isEmpty();

		// Elsewhere it is new again.
		var coventry = earlyWarning.signal(
				signalOf(submit(report(t.plus(Duration.ofDays(31)), COVENTRY, Set.of(Outcome.OVERDOSE), "fentanyl"))));
		assertThat(coventry.urgency()).isEqualTo(Urgency.URGENT);

		// After more than 90 days without it, it is new again.
		var muchLater = earlyWarning.signal(signalOf(
				submit(report(t.plus(Duration.ofDays(200)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "fentanyl"))));
		assertThat(muchLater.urgency()).isEqualTo(Urgency.URGENT);

		// A substance without danger flags never triggers it.
		var cocaine = earlyWarning.signal(signalOf(
				submit(report(t.plus(Duration.ofDays(300)), BIRMINGHAM, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine"))));
		assertThat(cocaine.urgency()).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void threeReportsOfOneSubstanceInSevenDaysInOneDistrictAreHigh() {
		var t = slot();
		var id = signalOf(submit(report(t, COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine")));
		submit(report(t.plus(Duration.ofDays(3)), COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine"));
		assertThat(earlyWarning.signal(id).urgency()).as("two reports are not a cluster").isEqualTo(Urgency.ROUTINE);
		submit(report(t.plus(Duration.ofDays(6)), COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine"));
		var signal = earlyWarning.signal(id);
		assertThat(signal.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(signal.rules()).containsExactly(SignalEngine.CLUSTER);
	}

	@Test
	void threeReportsSpreadOverMoreThanSevenDaysAreNotACluster() {
		var t = slot();
		var id = signalOf(submit(report(t, COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "ketamine")));
		submit(report(t.plus(Duration.ofDays(5)), COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "ketamine"));
		submit(report(t.plus(Duration.ofDays(10)), COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "ketamine"));
		var signal = earlyWarning.signal(id);
		assertThat(signal.evidenceCount()).isEqualTo(3);
		assertThat(signal.urgency()).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void anyDeathIsUrgent() {
		var t = slot();
		var death = earlyWarning.signal(signalOf(submit(report(t, BIRMINGHAM, Set.of(Outcome.DEATH), "cocaine"))));
		assertThat(death.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(death.rules()).containsExactly(SignalEngine.DEATH);
		var noDeath = earlyWarning.signal(
				signalOf(submit(report(t, COVENTRY, Set.of(Outcome.OVERDOSE, Outcome.UNUSUAL_EFFECTS), "cocaine"))));
		assertThat(noDeath.urgency()).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void badReportsNameTheirFieldsAndStoreNothing() {
		var t = slot();
		long before = jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single();
		var draft = new ReportDraft(Channel.API, null, t.plus(Duration.ofDays(2)), 10.0, null, null, List.of(), null,
				Set.of(), 0, null);
		assertThatThrownBy(() -> earlyWarning.submit(draft, null, t)).isInstanceOfSatisfying(
				InputRejectedException.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
					.containsExactlyInAnyOrder("sourceType", "occurredAt", "lat", "outcomes", "people"));
		var outside = new ReportDraft(Channel.API, SourceType.AMBULANCE, t, 51.5, -0.12, null, List.of(), null,
				Set.of(Outcome.OVERDOSE), 1, null);
		assertThatThrownBy(() -> earlyWarning.submit(outside, null, t)).isInstanceOfSatisfying(
				InputRejectedException.class,
				ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("lat"));
		assertThat(jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aPinIsResolvedToDistrictWardAndLsoa() {
		var t = slot();
		var draft = new ReportDraft(Channel.API, SourceType.AMBULANCE, t, 52.47862, -1.89405, null,
				List.of(new SubstanceMention("heroin", HowKnown.CLINICAL_PICTURE)), null, Set.of(Outcome.OVERDOSE), 1,
				null);
		var id = submit(draft);
		var row = jdbc.sql("SELECT lad_code, ward_code, lsoa_code FROM earlywarning.report WHERE id = ?")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(row[0]).isEqualTo(BIRMINGHAM);
		assertThat(row[1]).isNotBlank();
		assertThat(row[2]).startsWith("E01");
	}

	@Test
	void aSpikeOpensAHighSignalOnceHoweverOftenItIsDelivered() {
		var t = slot();
		var spike = new SpikeDetected(UUID.randomUUID().toString(), "OVERDOSE", "RULE", "lad", BIRMINGHAM, "Birmingham",
				List.of(BIRMINGHAM), t.minus(Duration.ofHours(24)), t, 5, 3, Double.NaN, t);
		transactions.executeWithoutResult(status -> events.publishEvent(spike));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> earlyWarning.signalOf(EvidenceKind.SPIKE, spike.id()).isPresent());
		var id = earlyWarning.signalOf(EvidenceKind.SPIKE, spike.id()).orElseThrow();
		transactions.executeWithoutResult(status -> events.publishEvent(spike));
		assertThat(earlyWarning.recordSpike(spike, t)).isEqualTo(id);
		// Both publications handled by early warning's listener: whatever the second one
		// did is done.
		EventPublications.awaitCompleted(publications, completedPublications, spike);
		var signal = earlyWarning.signal(id);
		assertThat(signal.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(signal.rules()).containsExactly(SignalEngine.SPIKE);
		assertThat(signal.evidenceCount()).isEqualTo(1);
		assertThat(signal.category()).isEqualTo("OVERDOSE");
		assertThat(jdbc.sql("SELECT count(*) FROM earlywarning.evidence WHERE kind = 'SPIKE' AND ref = ?")
			.param(spike.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFarStrongerPillThanUsualOpensAHighSignalByItsOwnRule() {
		var t = slot();
		var strong = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", COVENTRY, "ecstasy",
				List.of("mdma"), List.of("230 mg MDMA per pill"), "FTIR and weighing", t,
				Set.of(ResultFlag.HIGH_STRENGTH));
		var signal = earlyWarning.signal(earlyWarning.recordDangerousSample(strong, t));
		assertThat(signal.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(signal.rules()).containsExactly(SignalEngine.HIGH_STRENGTH);

		// The same pill flagged for something else only is routine in its own stretch.
		var other = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", COVENTRY, "ecstasy",
				List.of("mdma"), List.of("sold as something else"), "FTIR", t.plus(Duration.ofDays(100)),
				Set.of(ResultFlag.MIS_SOLD));
		var routine = earlyWarning.signal(earlyWarning.recordDangerousSample(other, t.plus(Duration.ofDays(100))));
		assertThat(routine.id()).isNotEqualTo(signal.id());
		assertThat(routine.urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(routine.rules()).isEmpty();
	}

	@Test
	void aDangerousSampleOpensOneSignalAlsoWhenDeliveredTwice() {
		var t = slot();
		var sample = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", BIRMINGHAM, "heroin",
				List.of("heroin", "isotonitazene"), List.of("nitazene found in heroin"), "FTIR and nitazene test strip",
				t);
		transactions.executeWithoutResult(status -> events.publishEvent(sample));
		transactions.executeWithoutResult(status -> events.publishEvent(sample));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.sampleId()).isPresent());
		var id = earlyWarning.signalOf(EvidenceKind.DRUG_CHECK, sample.sampleId()).orElseThrow();
		assertThat(earlyWarning.recordDangerousSample(sample, t)).isEqualTo(id);
		var signal = earlyWarning.signal(id);
		assertThat(signal.evidenceCount()).isEqualTo(1);
		assertThat(signal.substanceCode()).isEqualTo("isotonitazene");
		assertThat(signal.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(signal.rules()).containsExactly(SignalEngine.NEW_DANGEROUS_SUBSTANCE);
		assertThat(jdbc
			.sql("SELECT count(*) FROM earlywarning.signal s JOIN earlywarning.evidence e ON e.signal_id = s.id"
					+ " WHERE e.kind = 'DRUG_CHECK' AND e.ref = ?")
			.param(sample.sampleId())
			.query(Long.class)
			.single()).isEqualTo(1);

		// A report of the same substance in the same district days later joins the
		// sample's signal.
		var report = submit(report(t.plus(Duration.ofDays(2)), BIRMINGHAM, Set.of(Outcome.OVERDOSE), "isotonitazene"));
		assertThat(signalOf(report)).isEqualTo(id);
		assertThat(earlyWarning.evidence(id)).extracting(SignalView.Evidence::kind)
			.containsExactly(EvidenceKind.DRUG_CHECK, EvidenceKind.REPORT);
	}

	@Test
	void theCoordinatorValidatesOrDismissesWithAReason() {
		var t = slot();
		var a = signalOf(submit(report(t, BIRMINGHAM, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine")));
		var b = signalOf(submit(report(t, COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine")));
		assertThatThrownBy(() -> earlyWarning.decide(b, SignalStatus.DISMISSED, " ", "coordinator", t))
			.isInstanceOf(InputRejectedException.class);
		assertThat(earlyWarning.decide(a, SignalStatus.VALIDATED, null, "coordinator", t).status())
			.isEqualTo(SignalStatus.VALIDATED);
		var dismissed = earlyWarning.decide(b, SignalStatus.DISMISSED, "Duplicate of a police seizure", "coordinator",
				t);
		assertThat(dismissed.status()).isEqualTo(SignalStatus.DISMISSED);
		assertThat(dismissed.decisionReason()).isEqualTo("Duplicate of a police seizure");
		assertThatThrownBy(() -> earlyWarning.decide(a, SignalStatus.DISMISSED, "changed my mind", "coordinator", t))
			.isInstanceOf(InputRejectedException.class);
		// A dismissed signal takes no more evidence: the next report opens a new one.
		var next = signalOf(
				submit(report(t.plus(Duration.ofDays(1)), COVENTRY, Set.of(Outcome.UNUSUAL_EFFECTS), "cocaine")));
		assertThat(next).isNotEqualTo(b);
		assertThat(earlyWarning.signals(SignalStatus.DISMISSED, null, 1).signals()).extracting(SignalView::id)
			.contains(b);
	}

}
