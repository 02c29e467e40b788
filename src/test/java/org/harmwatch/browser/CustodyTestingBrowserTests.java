package org.harmwatch.browser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.CustodyTestingFixtures;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.TeamReferralManagement;
import org.harmwatch.custodytesting.FunnelStage;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custody journey in Chromium: a custody officer records a positive test for a
 * trigger offence, records the required assessment attended and refers the person; the
 * treatment worker answers that treatment started; the officer sees the yes and the day,
 * and the funnel counts the arrest once at every stage. Every page passes axe; the public
 * funnel too, at phone width.
 */
@HarmwatchIntegrationTest
class CustodyTestingBrowserTests extends BrowserTestSupport {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	CustodyTestingManagement custody;

	@Autowired
	TeamReferralManagement referrals;

	@Autowired
	SharingManagement sharing;

	@Autowired
	UserDetailsService users;

	long[] funnelTotals() {
		page.navigate("/custody-testing/funnel");
		assertThat(page.locator("h1")).hasText("From arrest to treatment");
		var totals = new long[FunnelStage.values().length];
		if (page.locator("#funnel").count() == 0) {
			return totals;
		}
		var row = page.locator("#funnel tbody tr").last();
		for (var stage : FunnelStage.values()) {
			var text = row.locator("td[data-stage=" + stage.name() + "] span").first().textContent().strip();
			totals[stage.ordinal()] = Long.parseLong(text);
		}
		return totals;
	}

	@Test
	void aPositiveTestIsAssessedReferredAndStartsTreatmentAndTheFunnelCountsItOnce() {
		var officer = (HarmwatchUser) users.loadUserByUsername("custody");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
		signIn("custody");
		var before = funnelTotals();
		assertAccessible();

		var now = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.MINUTES);
		var person = "CR-" + UUID.randomUUID().toString().substring(0, 8);
		page.navigate("/custody-testing/arrests/new");
		assertThat(page.locator("h1")).hasText("Record a test on arrest");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record test")).click();
		var summary = page.locator(".govuk-error-summary");
		assertThat(summary).containsText("Choose the custody suite");
		assertThat(summary).containsText("Say what came of the test");
		assertAccessible();

		page.getByLabel("Custody suite").selectOption("PERRY_BARR");
		page.getByLabel("Person code").fill(person);
		page.getByLabel("When was the person arrested?").fill(now.minusHours(3).format(LOCAL));
		page.getByLabel("Arrested for a trigger offence").check();
		page.getByLabel("Trigger offence", new Page.GetByLabelOptions().setExact(true)).selectOption("THEFT");
		page.getByLabel("Sample taken and read").check();
		page.getByLabel("When was the sample taken (or refused)?").fill(now.minusHours(2).format(LOCAL));
		page.getByLabel("Test device").fill("DrugWipe 5S");
		page.locator("#cocaine").check();
		page.locator("#opiates-2").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record test")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Test on arrest recorded");
		assertThat(page.locator("main")).containsText("Theft (Theft Act 1968 s.1)");
		assertThat(page.locator("main")).containsText("Required, no appointment yet");
		assertAccessible();
		var arrestUrl = page.url().replaceAll("\\?.*$", "");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update Initial assessment")).click();
		assertThat(page.locator("h1")).hasText("Initial assessment");
		assertAccessible();
		page.getByLabel("Attended", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Appointment", new Page.GetByLabelOptions().setExact(true))
			.fill(now.minusHours(1).format(LOCAL));
		page.getByLabel("Day attended").fill(now.toLocalDate().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Assessment updated");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refer to a treatment team")).click();
		assertThat(page.locator("h1")).hasText("Refer to a treatment team");
		assertAccessible();
		page.getByLabel("Treatment team").selectOption(CustodyTestingFixtures.TEAM);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer").setExact(true)).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Referred to treatment");
		assertThat(page.locator("main")).containsText("Awaiting the team");
		assertAccessible();
		var arrestId = UUID.fromString(arrestUrl.substring(arrestUrl.lastIndexOf('/') + 1));
		var referral = custody.arrest(arrestId, officer).referral();
		var code = referrals.teamReferral(referral.id(), (HarmwatchUser) users.loadUserByUsername("cjit")).personCode();

		// The treatment worker: the referral's code and day, and the answer.
		context.clearCookies();
		signIn("cjit");
		page.navigate("/custody-testing");
		assertThat(page.locator("h1")).hasText("Referrals from custody");
		assertThat(page.locator("main")).containsText(code);
		assertThat(page.locator("main")).not().containsText(person);
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
		assertThat(page.locator("h1")).hasText("Referral " + code);
		assertThat(page.locator("main")).not().containsText("Theft");
		assertAccessible();
		page.getByLabel("Yes, treatment started").check();
		page.getByLabel("Day treatment started").fill(now.toLocalDate().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Answer recorded");
		assertAccessible();

		// Back on the police side: the yes and the day, and the funnel counts it once.
		context.clearCookies();
		signIn("custody");
		page.navigate(arrestUrl);
		assertThat(page.locator("main")).containsText("Yes, on");
		var after = funnelTotals();
		assertAccessible();
		for (var stage : FunnelStage.values()) {
			assertThat(after[stage.ordinal()] - before[stage.ordinal()]).as(stage.name()).isEqualTo(1);
		}
		page.navigate("/custody-testing/arrests");
		assertThat(page.locator("h1")).hasText("Tests on arrest");
		assertThat(page.locator("main")).containsText(person);
		assertAccessible();
	}

	@Test
	void thePublicFunnelWithholdsSmallCountsAndPassesAxeOnAPhone() {
		page.setViewportSize(320, 640);
		page.navigate("/custody-testing/funnel");
		assertThat(page.locator("h1")).hasText("From arrest to treatment");
		assertThat(page.locator("main")).containsText("Counts under 5 are withheld");
		assertAccessible();
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling on the funnel at phone width")
			.isFalse();
	}

}
