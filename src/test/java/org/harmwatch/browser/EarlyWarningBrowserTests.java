package org.harmwatch.browser;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A frontline worker reports fentanyl-contaminated heroin in Birmingham; the coordinator sees the urgent signal.
 */
@HarmwatchIntegrationTest
class EarlyWarningBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Test
	void aFrontlineReportBecomesASignalTheCoordinatorSees() {
		signIn("frontline");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report").setExact(true)).first().click();
		page.waitForURL("**/early-warning/reports/new");
		assertAccessible();

		// Submitting an empty form names the problems and keeps the page accessible.
		page.getByLabel("When did it happen?").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose who or what the report comes from.");
		assertAccessible();

		var when = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London"))).minusMinutes(45)
			.truncatedTo(ChronoUnit.MINUTES);
		page.getByLabel("Where is this report from?").selectOption("DRUG_SERVICE");
		page.getByLabel("When did it happen?").fill(when.toString());
		page.getByLabel("Council area").selectOption("E08000025");
		page.getByLabel("Substance 1", new Page.GetByLabelOptions().setExact(true)).fill("heroin");
		page.getByLabel("Substance 2", new Page.GetByLabelOptions().setExact(true)).fill("fentanyl");
		page.getByLabel("How do you know? (substance 2)").selectOption("TEST_STRIP");
		page.getByLabel("Overdose").check();
		page.getByLabel("How many people were affected?").fill("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Report sent");
		assertAccessible();

		context.clearCookies();
		signIn("coordinator");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signals").setExact(true)).first().click();
		page.waitForURL("**/early-warning/signals");
		page.getByLabel("Urgency").selectOption("URGENT");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		var row = page.locator("tr", new Page.LocatorOptions().setHasText("Fentanyl")).filter(
				new com.microsoft.playwright.Locator.FilterOptions().setHasText("Birmingham")).first();
		assertThat(row).containsText("Urgent");
		assertAccessible();

		row.getByRole(AriaRole.LINK).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Fentanyl");
		assertThat(page.locator("main")).containsText("Dangerous substance new to the area");
		assertThat(page.locator("main")).containsText("Drug service: overdose — Heroin, Fentanyl (2 people)");
		assertAccessible();
	}

}
