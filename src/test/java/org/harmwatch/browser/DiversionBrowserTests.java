package org.harmwatch.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.internal.PermutedBlocks;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A navigator runs the diversion journey in Chromium: a trial scheme with a recorded
 * seed; a referral whose eligibility shows every rule; an allocation at random that the
 * scheme's list draws again from the seed; a contract with three conditions; a breach and
 * the prosecution decision; the 12-month outcome. Every page passes axe, and treatment
 * staff get only the attendance page.
 */
@HarmwatchIntegrationTest
class DiversionBrowserTests extends BrowserTestSupport {

	@Test
	void aNavigatorTakesAReferralFromEligibilityToTheTwelveMonthOutcome() {
		// A seed whose drug-possession list starts with diversion, so that the journey
		// has a contract; anyone with the seed draws the same list.
		long seed = 1;
		while (PermutedBlocks.armAt(seed, OffenceGroup.DRUG_POSSESSION, 0, 4) != Arm.DIVERSION) {
			seed++;
		}
		var today = LocalDate.now(ZoneId.of("Europe/London"));
		var referred = today.minusMonths(13);
		var name = "Browser trial " + UUID.randomUUID().toString().substring(0, 8);
		var reference = "20/" + UUID.randomUUID().toString().substring(0, 8);

		signIn("navigator");
		page.navigate("/diversion/schemes/new");
		assertThat(page.locator("h1")).hasText("New diversion scheme");
		assertAccessible();
		page.getByLabel("Name of the scheme").fill(name);
		page.getByLabel("District it runs in").selectOption("E08000025");
		page.locator("#trial").check();
		page.getByLabel("Seed (optional)").fill(Long.toString(seed));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create scheme")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Scheme created");
		assertThat(page.locator("main")).containsText("At random (trial), seed " + seed + ", blocks of 4");
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refer a person")).click();
		assertThat(page.locator("h1")).hasText("Refer a person to diversion");
		// Sent empty first: every problem named.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide eligibility")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the custody record reference");
		assertAccessible();
		page.getByLabel("Custody record reference").fill(reference);
		page.getByLabel("Offence group").selectOption("DRUG_POSSESSION");
		page.getByLabel("Day of the offence").fill(referred.minusDays(4).toString());
		page.getByLabel("Day of referral").fill(referred.toString());
		page.getByLabel("Gravity score").fill("2");
		page.getByLabel("Previous convictions").fill("0");
		page.locator("#evidenceToCharge").check();
		page.getByLabel("Age band").selectOption("AGE_25_TO_34");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide eligibility")).click();

		assertThat(page.locator("h1")).hasText("Referral " + reference);
		assertThat(page.locator("#eligibility")).hasText("Eligible");
		assertThat(page.locator("#rules")).containsText("Gravity score 2 is at most the scheme’s 3");
		assertThat(page.locator("#rules")).containsText("Not a domestic abuse offence");
		assertThat(page.locator("#rules")).containsText("The offence was 4 days before referral");
		assertAccessible();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate at random")).click();
		assertThat(page.locator("#arm")).hasText("Diversion");
		assertThat(page.locator("main")).containsText("position 1 of the stratum’s list from seed " + seed);

		page.locator("#contractStartsOn").fill(referred.plusDays(1).toString());
		page.locator("#contractMonths").fill("4");
		page.getByLabel("No reoffending").check();
		page.getByLabel("Attend a drug assessment and treatment").check();
		page.getByLabel("One-to-one sessions with the navigator").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start contract")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Contract started");
		assertThat(page.locator("#conditions tbody tr")).hasCount(3);
		assertThat(page.locator("#conditions")).containsText("Police National Computer check");
		assertAccessible();

		// One breach: reoffending, and the decision it leads to.
		page.locator("#conditionId")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("No reoffending"));
		page.locator("#conditionOutcome-2").check();
		page.locator("#conditionOn").fill(referred.plusDays(30).toString());
		page.locator("#breachWhat").fill("Arrested for theft from a shop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record compliance")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Breach recorded: a prosecution decision is needed");
		assertAccessible();
		page.getByLabel("Prosecute for the original offence").check();
		page.locator("#decisionReason").fill("Reoffended during the contract");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Prosecution decision recorded");
		assertThat(page.locator("#contract-status")).containsText("Ended: prosecuted");
		assertThat(page.locator("#breaches")).containsText("Decision: Prosecute for the original offence");

		page.locator("#outcomeWindow").check();
		page.locator("#outcomeRearrested").check();
		page.locator("#outcomeReconvicted").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record outcome")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Outcome recorded");
		assertThat(page.locator("#outcome-table")).containsText("12 months");
		assertAccessible();

		// The scheme's list draws the allocation again from the seed.
		page.navigate("/diversion");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
		assertThat(page.locator("#reproduces"))
			.hasText("Every allocation drawn again from seed " + seed + " gives the arm recorded.");
		assertThat(page.locator("#balance")).containsText("Drug possession");
		assertAccessible();

		page.navigate("/diversion/outcomes?first=programme:usual:12&second=programme:checkpoint:18");
		assertThat(page.locator(".govuk-error-summary")).containsText("different follow-up windows (12 and 18 months)");
		assertAccessible();
		page.navigate("/diversion/fairness");
		assertThat(page.locator("h1")).hasText("Fairness of eligibility and outcomes");
		assertAccessible();
	}

	@Test
	void treatmentStaffGetOnlyTheAttendancePage() {
		signIn("clinic");
		page.navigate("/diversion/attendance");
		assertThat(page.locator("h1")).hasText("Report a treatment appointment");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report attendance")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the link reference");
		assertAccessible();
	}

}
