package org.harmwatch.browser;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A frontline worker reports fentanyl-contaminated heroin in Birmingham; the coordinator
 * sees the urgent signal.
 */
@HarmwatchIntegrationTest
class EarlyWarningBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	JdbcClient jdbc;

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

		var when = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
			.minusMinutes(45)
			.truncatedTo(ChronoUnit.MINUTES);
		page.getByLabel("Where is this report from?").selectOption("DRUG_SERVICE");
		page.getByLabel("When did it happen?").fill(when.toString());
		page.getByLabel("Council area").selectOption("E08000025");
		page.getByLabel("Substance 1", new Page.GetByLabelOptions().setExact(true)).fill("heroin");
		page.getByLabel("Substance 2", new Page.GetByLabelOptions().setExact(true)).fill("fentanyl");
		page.getByLabel("How do you know? (substance 2)").selectOption("TEST_STRIP");
		page.getByLabel("Overdose").check();
		page.getByLabel("How many people were affected?").fill("2");
		var description = "Grey-brown powder, browser test " + System.nanoTime();
		page.getByLabel("Anything else we should know").fill(description);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Report sent");
		assertAccessible();

		context.clearCookies();
		signIn("coordinator");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signals").setExact(true)).first().click();
		page.waitForURL("**/early-warning/signals");
		page.getByLabel("Urgency").selectOption("URGENT");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		// Other tests' signals share the database, so find this report's signal and
		// follow its link in the list.
		var reportId = jdbc.sql("SELECT id::text FROM earlywarning.report WHERE description = ?")
			.param(description)
			.query(String.class)
			.single();
		var signalId = earlyWarning.signalOf(EvidenceKind.REPORT, reportId).orElseThrow();
		var row = page.locator("tr",
				new Page.LocatorOptions().setHas(page.locator("a[href$='/early-warning/signals/" + signalId + "']")));
		// The list is ordered by urgency, then by when the first evidence happened: other
		// tests' urgent signals may
		// push this one to a later page, so follow the pages until it is there.
		while (row.count() == 0 && page.locator("a[rel='next']").count() > 0) {
			page.navigate(page.locator("a[rel='next']").getAttribute("href"));
		}
		assertThat(row).containsText("Fentanyl");
		assertThat(row).containsText("Birmingham");
		assertThat(row).containsText("Urgent");
		assertAccessible();

		row.getByRole(AriaRole.LINK).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Fentanyl");
		assertThat(page.locator("main")).containsText("Dangerous substance new to the area");
		assertThat(page.locator("main")).containsText("Drug service: overdose — Heroin, Fentanyl (2 people)");
		page.locator("a[href$='/early-warning/reports/" + reportId + "']").click();
		assertThat(page.locator("main")).containsText(description);
		assertThat(page.locator("main")).containsText("Frankie Frontline");
		assertAccessible();
	}

}
