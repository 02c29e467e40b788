package org.harmwatch.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The coordinator's situational-awareness page: the map draws (the script says so on the
 * element when its points are on the canvas), the events are a table a keyboard reaches,
 * the substance-class filter is chosen and sent with the keyboard alone, and every state
 * passes axe, the refused filter included.
 */
@HarmwatchIntegrationTest
class AwarenessBrowserTests extends BrowserTestSupport {

	static final String WALSALL = "E08000030";

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Test
	void theCoordinatorFiltersByClassWithTheKeyboardAndThePagePassesAxe() {
		var twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		// In Walsall, and the page filtered to Walsall: the events table lists 50 at a
		// time,
		// newest first, and the rest of the suite fills Birmingham's.
		earlyWarning.submit(new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, twoHoursAgo, 52.5860, -1.9829,
				null, List.of(new SubstanceMention("protonitazene", HowKnown.TEST_STRIP)), null,
				Set.of(Outcome.OVERDOSE), 1, "Browser awareness report"), null, twoHoursAgo.plusSeconds(60));

		signIn("coordinator");
		page.navigate("/awareness?ladCode=" + WALSALL);
		assertThat(page.locator("h1")).hasText("Situational awareness");
		assertThat(page.locator("#map")).hasAttribute("data-rendered", Pattern.compile("[1-9]\\d* \\d+ \\d+"));
		assertThat(page.locator("#events-table")).containsText("Protonitazene");
		assertAccessible();

		// The keyboard alone: to the class, Opioid chosen, the form sent.
		page.locator("#substanceClass").focus();
		page.locator("#substanceClass").selectOption("OPIOID");
		page.locator("#substanceClass").press("Tab");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))).isFocused();
		page.keyboard().press("Enter");
		page.waitForURL(Pattern.compile(".*substanceClass=OPIOID.*"));
		assertThat(page.locator("#ladCode")).hasValue(WALSALL);
		assertThat(page.locator("#substanceClass")).hasValue("OPIOID");
		// A nitazene is an opioid: the report is still listed.
		assertThat(page.locator("#events-table")).containsText("Protonitazene");
		assertThat(page.locator("#map")).hasAttribute("data-rendered", Pattern.compile("[1-9]\\d* \\d+ \\d+"));
		// The events table is a scrollable region a keyboard can reach.
		page.locator("#events-table").locator("xpath=..").focus();
		assertThat(page.locator("#events-table").locator("xpath=..")).isFocused();
		assertAccessible();

		page.navigate("/awareness?from=2020-02-30");
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter a date as 2026-12-05");
		assertThat(page).hasTitle(Pattern.compile("^Error: Situational awareness.*"));
		assertAccessible();
	}

}
