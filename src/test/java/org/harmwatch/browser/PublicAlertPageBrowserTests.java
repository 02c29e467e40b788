package org.harmwatch.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An anonymous visitor reads an updated public alert (what changed, the advice at body
 * size), opens its poster, and finds a cancelled alert in the archive; every page passes
 * axe.
 */
@HarmwatchIntegrationTest
class PublicAlertPageBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PanelManagement panel;

	@Autowired
	AlertManagement alerts;

	@Autowired
	UserDetailsService users;

	AlertView issue(String headline, Instant now) {
		var signal = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "fentanyl",
				"HIGH_POTENCY_SYNTHETIC_OPIOID", SignalStatus.VALIDATED, now.minus(Duration.ofHours(2)));
		AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				now.minus(Duration.ofHours(1)));
		var id = alerts.draft(signal, draft(AlertLevel.WARNING, headline, "Do not use alone.", null, now),
				"coordinator", now);
		return alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now);
	}

	static AlertDraft draft(AlertLevel level, String headline, String advice, String note, Instant now) {
		return new AlertDraft(level, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), List.of("E08000025"),
				List.of("fentanyl"), headline, "Grey-brown powder sold as heroin; people collapse within minutes.",
				advice, "Consider fentanyl in any heroin overdose.", now.plus(Duration.ofDays(14)),
				now.plus(Duration.ofDays(7)), false, note);
	}

	@Test
	void anAnonymousVisitorReadsWhatChangedPrintsThePosterAndFindsPastAlerts() {
		var now = clock.instant();
		var suffix = Long.toString(System.nanoTime(), 36);
		var updated = issue("Fentanyl in heroin in Birmingham " + suffix, now);
		alerts.update(updated.id(), draft(AlertLevel.CRITICAL, updated.headline(),
				"Do not use alone. Carry naloxone and call 999.", "Two people died after using the batch.", now),
				"coordinator", now.plusSeconds(1));
		alerts.approve(updated.id(), (HarmwatchUser) users.loadUserByUsername("panel"), true, now.plusSeconds(2));
		var cancelled = issue("Blue pills sold as diazepam " + suffix, now);
		alerts.cancel(cancelled.id(), "The pills were tested: they are genuine.", "coordinator", now.plusSeconds(3));
		alerts.approve(cancelled.id(), (HarmwatchUser) users.loadUserByUsername("panel2"), true, now.plusSeconds(4));

		page.navigate("/alerts/" + updated.reference());
		var changes = page.locator("#what-changed");
		assertThat(changes.getByRole(AriaRole.HEADING)).hasText("What has changed");
		assertThat(changes).containsText("The level has changed from Warning to Critical.");
		assertThat(changes).containsText("The advice on what to do has changed.");
		assertThat(changes).containsText("Why: Two people died after using the batch.");
		// The advice reads at the size of the rest of the page, with no scrolling box.
		var advice = page.locator("main p", new Page.LocatorOptions().setHasText("Carry naloxone and call 999."));
		var body = page.locator("main p.govuk-body", new Page.LocatorOptions().setHasText("Since version 1"));
		assertThat(advice).hasCSS("font-size", body.evaluate("e => getComputedStyle(e).fontSize").toString());
		assertThat(advice).hasCSS("overflow-y", "visible");
		assertAccessible();

		var poster = page.request()
			.get(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A4 poster to print (PDF)"))
				.getAttribute("href"));
		assertThat(poster).isOK();
		org.assertj.core.api.Assertions.assertThat(poster.headers().get("content-type")).startsWith("application/pdf");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Past alerts: cancelled and expired"))
			.click();
		page.waitForURL("**/alerts/archive");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Past drug alerts");
		var past = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(cancelled.headline()));
		assertThat(past).isVisible();
		assertThat(page.locator("#archive")).not().containsText(updated.headline());
		assertAccessible();

		past.click();
		page.waitForURL("**/alerts/" + cancelled.reference());
		assertThat(page.locator("main")).containsText("This alert has been cancelled.");
		assertAccessible();
	}

}
