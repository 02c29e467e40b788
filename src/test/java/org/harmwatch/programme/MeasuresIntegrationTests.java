package org.harmwatch.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coordinator's measures: the backlog by age and urgency, alerts by level and the
 * time from first evidence to alert, exercises left out. Set years ahead, so that other
 * tests' signals and alerts fall outside the period. Signals are opened, decided and
 * graded through early warning's API, so that its events reach the measures as they do in
 * production; the test waits for the listeners through the event publication registry.
 */
@HarmwatchIntegrationTest
class MeasuresIntegrationTests {

	static final String BIRMINGHAM = "E08000025", COVENTRY = "E08000026", DUDLEY = "E08000027", SANDWELL = "E08000028",
			SOLIHULL = "E08000029", WALSALL = "E08000030";

	/** "Now" for this test: far from every other test's data. */
	static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

	@Autowired
	MeasuresManagement measures;

	@Autowired
	AlertManagement alerts;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	PanelManagement panel;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	/**
	 * An urgent signal (a death) opened by a report received at {@code at} about
	 * something that happened then, in a district of its own so that no two of this
	 * test's signals group together.
	 */
	UUID signal(String ladCode, String substance, Instant at) {
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, at, null, null, ladCode,
				List.of(new SubstanceMention(substance, HowKnown.TEST_STRIP)), null, Set.of(Outcome.DEATH), 1, null);
		var report = earlyWarning.submit(draft, null, at);
		var id = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
		assertThat(earlyWarning.signal(id).urgency()).isEqualTo(Urgency.URGENT);
		return id;
	}

	UUID graded(String ladCode, Instant firstEvidence) {
		var id = signal(ladCode, "fentanyl", firstEvidence);
		earlyWarning.decide(id, SignalStatus.VALIDATED, null, "coordinator", firstEvidence.plusSeconds(30));
		AlertTestSignals.grade(panel, id, PanelOutcome.ALERT_PROFESSIONALS, firstEvidence.plusSeconds(60));
		return id;
	}

	void issue(UUID signal, AlertLevel level, boolean exercise, Instant at) {
		var draft = new AlertDraft(level, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM), List.of("fentanyl"),
				"Measures test " + UUID.randomUUID(), "Grey-brown powder.", "Do not use alone.",
				"Consider fentanyl in any heroin overdose.", at.plus(Duration.ofDays(14)), at.plus(Duration.ofDays(7)),
				exercise, null);
		var id = alerts.draft(signal, draft, "coordinator", at);
		alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, at);
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
	void backlogSpeedAndAlertsByLevel() throws Exception {
		var started = Instant.now();
		var before = measures.measures(30, NOW);

		signal(BIRMINGHAM, "heroin", NOW.minus(Duration.ofHours(2)));
		var validated = signal(COVENTRY, "heroin", NOW.minus(Duration.ofDays(2)));
		earlyWarning.decide(validated, SignalStatus.VALIDATED, null, "coordinator", NOW.minus(Duration.ofDays(2)));
		var dismissed = signal(DUDLEY, "heroin", NOW.minus(Duration.ofDays(2)));
		earlyWarning.decide(dismissed, SignalStatus.DISMISSED, "Duplicate of another report.", "coordinator",
				NOW.minus(Duration.ofDays(2)));
		// 6 hours and 3 hours from first evidence to alert; an exercise does not count.
		issue(graded(SANDWELL, NOW.minus(Duration.ofHours(10))), AlertLevel.WARNING, false,
				NOW.minus(Duration.ofHours(4)));
		issue(graded(SOLIHULL, NOW.minus(Duration.ofHours(5))), AlertLevel.CRITICAL, false,
				NOW.minus(Duration.ofHours(2)));
		issue(graded(WALSALL, NOW.minus(Duration.ofHours(5))), AlertLevel.CRITICAL, true,
				NOW.minus(Duration.ofHours(1)));
		EventPublications.awaitAllSince(publications, started);

		var after = measures.measures(30, NOW);

		assertThat(band(after, "UNDER_1_DAY", Urgency.URGENT) - band(before, "UNDER_1_DAY", Urgency.URGENT))
			.isEqualTo(1);
		assertThat(band(after, "DAYS_1_TO_3", Urgency.URGENT) - band(before, "DAYS_1_TO_3", Urgency.URGENT))
			.isEqualTo(1);
		assertThat(after.signalsOpened() - before.signalsOpened()).isEqualTo(6);
		assertThat(after.alertsIssued()).isEqualTo(before.alertsIssued() + 2);
		assertThat(after.alertsByLevel().get(AlertLevel.WARNING))
			.isEqualTo(before.alertsByLevel().get(AlertLevel.WARNING) + 1);
		assertThat(after.alertsByLevel().get(AlertLevel.CRITICAL))
			.isEqualTo(before.alertsByLevel().get(AlertLevel.CRITICAL) + 1);
		assertThat(before.alertsIssued()).as("nothing else is issued in 2031").isZero();
		assertThat(after.medianHoursToAlert()).isCloseTo(4.5, within(0.01));
		assertThat(after.slowestHoursToAlert()).isCloseTo(6.0, within(0.01));
		assertThat(after.delivery()).as("the dissemination module reports delivery").isNotNull();

		mvc.perform(
				get("/early-warning/measures").param("days", "30").with(user(users.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Early-warning measures")))
			.andExpect(content().string(containsString("Under a day")));
	}

}
