package org.harmwatch.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The coordinator asks the reporting agency a question and merges a duplicate signal; the
 * frontline worker answers from their home page. Every form, with and without its errors,
 * passes axe.
 */
@HarmwatchIntegrationTest
class SignalQuestionsBrowserTests extends BrowserTestSupport {

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	UserDetailsService users;

	UUID signalOfReport(String lad, Instant at, String description) {
		var frontline = (HarmwatchUser) users.loadUserByUsername("frontline");
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, at, null, null, lad,
				List.of(new SubstanceMention("isotonitazene", HowKnown.TEST_STRIP)), null, Set.of(Outcome.OVERDOSE), 1,
				description);
		var report = earlyWarning.submit(draft,
				new Reporter(frontline.id(), frontline.displayName(), frontline.agencyCode(), frontline.agencyName()),
				at.plus(Duration.ofMinutes(5)));
		return earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
	}

	@Test
	void theCoordinatorAsksAndMergesAndTheAgencyAnswers() {
		var at = Instant.parse("2104-03-01T10:00:00Z").plus(Duration.ofDays(System.nanoTime() % 300));
		var duplicate = signalOfReport("E08000031", at, "Browser duplicate " + at);
		var survivor = signalOfReport("E08000025", at.minus(Duration.ofMinutes(11)), "Browser survivor " + at);

		signIn("coordinator");
		page.navigate("/early-warning/signals/" + duplicate);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Questions to reporters")))
			.isVisible();
		assertAccessible();

		// The question: errors first, then sent.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the agency")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose the report to ask about");
		assertThat(page.locator(".govuk-error-summary")).containsText("Write the question");
		assertAccessible();
		page.locator("input[name=report]").first().check();
		var question = "Was it a grey powder? " + at;
		page.getByLabel("Your question").fill(question);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the agency")).click();
		assertThat(page.locator(".govuk-notification-banner--success")).containsText("sent to the agency");
		assertThat(page.locator("#reporter-questions")).containsText(question);
		assertAccessible();

		// The merge: errors first, then merged into the survivor.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge into the chosen signal")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose the signal that survives");
		assertThat(page.locator(".govuk-error-summary")).containsText("Say why this signal is a duplicate");
		assertAccessible();
		page.locator("input[name=survivor][value='" + survivor + "']").check();
		page.getByLabel("Why this signal is a duplicate").fill("The same batch minutes apart");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge into the chosen signal")).click();
		page.waitForURL("**/early-warning/signals/" + survivor + "#merged");
		assertThat(page.locator("#merged-signals")).containsText("The same batch minutes apart");
		assertThat(page.locator("#reporter-questions")).containsText(question);
		assertAccessible();
		page.navigate("/early-warning/signals/" + duplicate);
		assertThat(page.locator("#merged-into")).containsText("This signal was merged into");
		assertAccessible();

		// The agency answers from its home page.
		context.clearCookies();
		signIn("frontline");
		page.locator("[data-queue-item='earlywarning.home.queue.questions'] a").first().click();
		page.waitForURL("**/early-warning/questions");
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(question)).click();
		assertThat(page.locator("#the-question")).hasText(question);
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Write the answer");
		assertAccessible();
		page.getByLabel("Answer for your agency").fill("Grey, from the market.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
		assertThat(page.locator(".govuk-notification-banner--success")).containsText("sent to the coordinator");
		assertThat(page.locator("#the-answer")).hasText("Grey, from the market.");
		assertAccessible();
	}

}
