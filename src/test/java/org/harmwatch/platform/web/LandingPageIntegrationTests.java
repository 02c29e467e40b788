package org.harmwatch.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public landing page leads the public to what they came for: the alerts in force
 * (each linking to its page), the anonymous report form, alert sign-up and drug-checking
 * results; an exercise or an alert for professionals only is never on it.
 */
@HarmwatchIntegrationTest
class LandingPageIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertManagement alerts;

	@Autowired
	PanelManagement panel;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	String issue(String headline, Set<Audience> audiences, boolean exercise) {
		var now = clock.instant();
		var signal = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl",
				"HIGH_POTENCY_SYNTHETIC_OPIOID", SignalStatus.VALIDATED, now.minus(Duration.ofHours(3)));
		AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				now.minus(Duration.ofHours(1)));
		var id = alerts.draft(signal,
				new AlertDraft(AlertLevel.CRITICAL, audiences, List.of(BIRMINGHAM), List.of("fentanyl"), headline,
						"People found unresponsive within minutes.", "Do not use alone. Carry naloxone.",
						"Consider fentanyl in any heroin overdose.", now.plus(Duration.ofDays(14)),
						now.plus(Duration.ofDays(7)), exercise, null),
				"coordinator", now);
		return alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now).reference();
	}

	@Test
	void showsTheAlertsInForceAndLinksThePublicForms() throws Exception {
		var suffix = Long.toString(System.nanoTime(), 36);
		var publicHeadline = "Fentanyl in heroin in Birmingham " + suffix;
		var reference = issue(publicHeadline, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var professionalHeadline = "For professionals only " + suffix;
		issue(professionalHeadline, Set.of(Audience.PROFESSIONALS), false);
		var exerciseHeadline = "An exercise " + suffix;
		issue(exerciseHeadline, Set.of(Audience.PROFESSIONALS), true);

		var html = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("href=\"/alerts/" + reference + "\">" + publicHeadline + "</a>")
			.contains("govuk-tag--red")
			.doesNotContain(professionalHeadline)
			.doesNotContain(exerciseHeadline)
			.contains("href=\"/report\"")
			.contains("href=\"/subscribe\"")
			.contains("href=\"/drug-checking/results\"")
			.contains("href=\"/alerts\"");
		// Not the demo: the shared test context has the demo users but not the demo
		// scenario or banner.
		assertThat(html).doesNotContain("id=\"demo-banner\"");
	}

}
