package org.harmwatch.browser;

import java.util.List;

import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in, each role's home page, refusals and lockout, as a person meets them in a real browser.
 */
@HarmwatchIntegrationTest
class SignInBrowserTests extends BrowserTestSupport {

	@Autowired
	AgencyManagement agencies;

	@Test
	void theLandingPageLeadsThePublicOnAndStaffToSignIn() {
		page.navigate("/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("West Midlands");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first())
			.isVisible();
		assertAccessible();
	}

	@Test
	void aCoordinatorSignsInAndSeesTheirOwnHomePage() {
		page.navigate("/login");
		assertAccessible();
		signIn("coordinator");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Hello, Chris Coordinator");
		assertThat(page.locator("main")).containsText("Early-warning coordinator");
		assertThat(page.locator("header")).containsText("Birmingham City Council Public Health");
		assertAccessible();
	}

	@Test
	void eachRoleSeesOnlyTheWorkItMayDo() {
		signIn("auditor");
		assertThat(page.locator("#navigation")).containsText("Audit log");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log").setExact(true)).first().click();
		page.waitForURL("**/audit");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Audit log");
		assertAccessible();

		context.clearCookies();
		signIn("custody");
		assertThat(page.locator("main")).not().containsText("Audit log");
	}

	@Test
	void aForbiddenPageSaysSoAndLeaksNothing() {
		signIn("frontline");
		var response = page.navigate("/audit");
		assertThat(response.status()).isEqualTo(403);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		var text = page.locator("body").innerText();
		assertThat(text).doesNotContainIgnoringCase("exception").doesNotContain("org.harmwatch").doesNotContain("at java.");
		assertAccessible();
	}

	@Test
	void repeatedBadPasswordsLockTheAccountWithAClearMessage() {
		var username = "lockout-" + System.nanoTime();
		agencies.createStaff(username, "Lee Lockout", username + "@example.org", "BHM-TREAT", List.of("FRONTLINE_WORKER"),
				"correct horse battery staple");
		for (int attempt = 1; attempt <= 5; attempt++) {
			page.navigate("/login");
			page.getByLabel("Username").fill(username);
			page.getByLabel("Password").fill("wrong password " + attempt);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			page.waitForURL("**/login?**");
		}
		assertThat(page.locator(".govuk-error-summary")).containsText("locked after 5 failed sign-ins");
		assertAccessible();

		// Even the right password is refused while the account is locked.
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill("correct horse battery staple");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForURL("**/login?locked");
		assertThat(page.locator(".govuk-error-summary")).containsText("locked after 5 failed sign-ins");
	}

	@Test
	void pagesFitAPhoneScreen() {
		page.setViewportSize(375, 740);
		signIn("admin");
		for (var path : List.of("/", "/login")) {
			page.navigate(path);
			var overflow = (Boolean) page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
			assertThat(overflow).as("horizontal scrolling on " + path + " at phone width").isFalse();
		}
	}

}
