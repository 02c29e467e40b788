package org.harmwatch.browser;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The coordinator drafts an alert from a graded signal, a panel member approves and so
 * issues it, and an anonymous visitor finds it on the public alerts page and reads it;
 * every page passes axe.
 */
@HarmwatchIntegrationTest
class AlertBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PanelManagement panel;

	@Test
	void aGradedSignalBecomesAnAlertThePublicReads() {
		var now = clock.instant();
		var signal = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "fentanyl",
				"HIGH_POTENCY_SYNTHETIC_OPIOID", SignalStatus.VALIDATED, now.minus(Duration.ofHours(2)));
		AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				now.minus(Duration.ofHours(1)));
		var headline = "Heroin contaminated with fentanyl in Birmingham " + Long.toString(System.nanoTime(), 36);

		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Draft an alert")).click();
		page.waitForURL("**/alerts/new");
		assertAccessible();

		// Nothing chosen: the error summary names the problems and the page stays
		// accessible.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft for approval")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose the alert level.");
		assertAccessible();

		page.getByLabel("Warning", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Professionals", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("The public", new Page.GetByLabelOptions().setExact(true)).check();
		assertThat(page.getByLabel("Birmingham", new Page.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(page.getByLabel("Substance 1", new Page.GetByLabelOptions().setExact(true))).hasValue("Fentanyl");
		page.getByLabel("Substance 2", new Page.GetByLabelOptions().setExact(true)).fill("heroin");
		page.getByLabel("Headline").fill(headline);
		page.getByLabel("What to look out for")
			.fill("Grey-brown powder sold as heroin; people collapse within minutes.");
		page.getByLabel("What to do: advice for the public").fill("Do not use alone. Start with a very small amount.");
		page.getByLabel("What to do: advice for professionals").fill("Consider fentanyl in any heroin overdose.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft for approval")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("waiting for approval");
		assertThat(page.locator("main")).containsText(headline);
		var alertUrl = page.url().replaceAll("\\?.*$", "");
		// The drafter cannot approve their own draft.
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))).hasCount(0);
		assertAccessible();

		context.clearCookies();
		signIn("panel");
		page.navigate(alertUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Approved and issued.");
		assertThat(page.locator(".govuk-caption-l")).containsText(Pattern.compile("HW-\\d{4}-\\d{4}"));
		var reference = page.locator(".govuk-caption-l")
			.innerText()
			.replaceAll("^.*?(HW-\\d{4}-\\d{4,}).*$", "$1")
			.strip();
		assertThat(page.locator("main")).containsText("Carry naloxone");
		assertAccessible();

		context.clearCookies();
		page.navigate("/alerts");
		var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline));
		assertThat(link).isVisible();
		assertThat(page.locator("#alert-map")).hasAttribute("data-loaded", "true");
		assertThat(page.locator("link[rel=alternate][href$='/alerts/cap.atom']")).hasCount(1);
		assertAccessible();

		link.click();
		page.waitForURL("**/alerts/" + reference);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(headline);
		assertThat(page.locator("main")).containsText("Do not use alone.");
		assertThat(page.locator("main")).containsText("Carry naloxone");
		assertAccessible();
	}

}
