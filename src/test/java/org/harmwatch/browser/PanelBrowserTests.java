package org.harmwatch.browser;

import java.time.Clock;
import java.time.Duration;
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
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The coordinator validates a signal, two panel members grade it on their phones, and the
 * coordinator records the panel's outcome.
 */
@HarmwatchIntegrationTest
class PanelBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Test
	void theCoordinatorValidatesTwoMembersGradeOnTheirPhonesAndTheCoordinatorRecordsTheOutcome() {
		var now = clock.instant();
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.EMERGENCY_DEPARTMENT, now.minus(Duration.ofHours(1)),
				null, null, "E08000029", List.of(new SubstanceMention("bromazolam", HowKnown.LAB)), null,
				Set.of(Outcome.OVERDOSE), 3, "Panel browser test " + UUID.randomUUID());
		var report = earlyWarning.submit(draft, null, now);
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();

		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal);
		page.getByLabel("Validate: a real signal that needs grading").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("The decision has been recorded.");
		assertAccessible();
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Corroboration: other reports, drug checking and spikes nearby"))
			.click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).first())
			.containsText("Other reports");
		assertAccessible();

		for (var member : List.of("panel", "panel2")) {
			context.clearCookies();
			page.setViewportSize(375, 812);
			signIn(member);
			assertThat(page.locator("a[href='/early-warning/panel']").first()).isAttached();
			page.navigate("/early-warning/panel");
			assertAccessible();
			page.locator("a[href$='/early-warning/signals/" + signal + "/grade']").click();
			page.waitForURL("**/grade");
			assertThat(page.locator("main")).containsText("left)");
			assertAccessible();
			if (member.equals("panel")) {
				// Sending nothing names each missing answer, accessibly.
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send grade")).click();
				assertThat(page.locator(".govuk-error-summary")).containsText("Give your reasons.");
				assertAccessible();
			}
			page.getByLabel("A – confirmed by laboratory analysis").check();
			page.getByLabel("High – hospital admissions likely").check();
			page.getByLabel("Alert to professionals and the public", new Page.GetByLabelOptions().setExact(true))
				.check();
			assertThat(page.locator("#matrix-suggestion"))
				.hasText("For your answers, the matrix suggests: Alert professionals and public");
			page.getByLabel("Your reasons").fill("Lab-confirmed bromazolam with overdoses, says " + member);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send grade")).click();
			assertThat(page.locator(".govuk-notification-banner")).containsText("Your grade has been recorded.");
			assertAccessible();
		}

		context.clearCookies();
		page.setViewportSize(1280, 800);
		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal + "/panel");
		assertThat(page.locator("main")).containsText("2 of 2 grades needed");
		assertThat(
				page.getByLabel("Alert to professionals and the public", new Page.GetByLabelOptions().setExact(true)))
			.isChecked();
		assertAccessible();
		page.getByLabel("Rationale").fill("Both members: lab-confirmed, serious harm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record outcome")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("The panel's outcome has been recorded.");
		assertThat(page.locator("main")).containsText("Recorded by coordinator");
		assertAccessible();

		var graded = earlyWarning.signal(signal);
		org.assertj.core.api.Assertions.assertThat(graded.status()).isEqualTo(SignalStatus.GRADED);
		org.assertj.core.api.Assertions.assertThat(graded.outcome())
			.isEqualTo(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
	}

}
