package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The coordinator's measures: the backlog by age and urgency, alerts by level and the time from first evidence to
 * alert, exercises left out. Set years ahead, so that other tests' signals and alerts fall outside the period.
 */
@HarmwatchIntegrationTest
class MeasuresIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	/** "Now" for this test: far from every other test's data. */
	static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

	@Autowired
	MeasuresManagement measures;

	@Autowired
	AlertManagement alerts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PanelManagement panel;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	UUID graded(Instant firstEvidence) {
		var id = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.VALIDATED, firstEvidence);
		AlertTestSignals.grade(panel, id, PanelOutcome.ALERT_PROFESSIONALS, firstEvidence.plusSeconds(60));
		return id;
	}

	void issue(UUID signal, AlertLevel level, boolean exercise, Instant at) {
		var draft = new AlertDraft(level, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM), List.of("fentanyl"),
				"Measures test " + UUID.randomUUID(), "Grey-brown powder.", "Do not use alone.",
				"Consider fentanyl in any heroin overdose.", at.plus(Duration.ofDays(14)), at.plus(Duration.ofDays(7)),
				exercise, null);
		var id = alerts.draft(signal, draft, "coordinator", at);
		alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), at);
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
		var before = measures.measures(30, NOW);

		AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "heroin", "OPIOID", SignalStatus.OPEN,
				NOW.minus(Duration.ofHours(2)));
		AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "heroin", "OPIOID", SignalStatus.VALIDATED,
				NOW.minus(Duration.ofDays(2)));
		AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "heroin", "OPIOID", SignalStatus.DISMISSED,
				NOW.minus(Duration.ofDays(2)));
		// 6 hours and 3 hours from first evidence to alert; an exercise does not count.
		issue(graded(NOW.minus(Duration.ofHours(10))), AlertLevel.WARNING, false, NOW.minus(Duration.ofHours(4)));
		issue(graded(NOW.minus(Duration.ofHours(5))), AlertLevel.CRITICAL, false, NOW.minus(Duration.ofHours(2)));
		issue(graded(NOW.minus(Duration.ofHours(5))), AlertLevel.CRITICAL, true, NOW.minus(Duration.ofHours(1)));

		var after = measures.measures(30, NOW);

		assertThat(band(after, "UNDER_1_DAY", Urgency.URGENT) - band(before, "UNDER_1_DAY", Urgency.URGENT)).isEqualTo(1);
		assertThat(band(after, "DAYS_1_TO_3", Urgency.URGENT) - band(before, "DAYS_1_TO_3", Urgency.URGENT)).isEqualTo(1);
		assertThat(after.signalsOpened() - before.signalsOpened()).isEqualTo(6);
		assertThat(after.alertsIssued()).isEqualTo(before.alertsIssued() + 2);
		assertThat(after.alertsByLevel().get(AlertLevel.WARNING)).isEqualTo(before.alertsByLevel().get(AlertLevel.WARNING) + 1);
		assertThat(after.alertsByLevel().get(AlertLevel.CRITICAL)).isEqualTo(before.alertsByLevel().get(AlertLevel.CRITICAL) + 1);
		assertThat(before.alertsIssued()).as("nothing else is issued in 2031").isZero();
		assertThat(after.medianHoursToAlert()).isCloseTo(4.5, within(0.01));
		assertThat(after.slowestHoursToAlert()).isCloseTo(6.0, within(0.01));
		assertThat(after.delivery()).as("the dissemination module reports delivery").isNotNull();

		mvc.perform(get("/early-warning/measures").param("days", "30").with(user(users.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Early-warning measures")))
			.andExpect(content().string(containsString("Under a day")));
	}

}
