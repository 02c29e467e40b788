package org.harmwatch.browser;

import java.util.List;

import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in, each role's home page, refusals and sign-in throttling, as a person meets
 * them in a real browser.
 */
@HarmwatchIntegrationTest
class SignInBrowserTests extends BrowserTestSupport {

	@Autowired
	AgencyManagement agencies;

	@Test
	void theLandingPageLeadsThePublicOnAndStaffToSignIn() {
		page.navigate("/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("West Midlands");
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
		// The menu shows the Administration section; the home page lists the audit log
		// within it.
		assertThat(page.locator("#navigation")).containsText("Administration");
		assertThat(page.locator("main")).containsText("Audit log");
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
		assertThat(text).doesNotContainIgnoringCase("exception")
			.doesNotContain("org.harmwatch")
			.doesNotContain("at java.");
		assertAccessible();
	}

	@Test
	void repeatedBadPasswordsSlowAStrangerWithAClearMessageButNeverLockTheOwnerOut() {
		var username = "throttle-" + System.nanoTime();
		agencies.createStaff(username, "Lee Lockout", username + "@example.org", "BHM-TREAT",
				List.of("FRONTLINE_WORKER"), "correct horse battery staple");
		// The owner signs in once on this browser, which keeps a device cookie; the
		// session cookie goes.
		submit(page, username, "correct horse battery staple");
		page.waitForURL("**/");
		context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("SESSION"));

		// A stranger on another browser guesses.
		var stranger = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
		var owner = page;
		try {
			page = stranger.newPage();
			for (int attempt = 1; attempt <= 6; attempt++) {
				submit(page, username, "wrong password " + attempt);
				page.waitForURL("**/login?**");
			}
			assertThat(page.locator(".govuk-error-summary")).containsText("too many failed sign-ins");
			assertAccessible();
			// While the stranger must wait, even the right password is not checked.
			submit(page, username, "correct horse battery staple");
			page.waitForURL("**/login?throttled=**");
			assertThat(page.locator(".govuk-error-summary")).containsText("Wait a minute");
		}
		finally {
			stranger.close();
			page = owner;
		}

		// The owner, on their usual browser, is not held up.
		submit(page, username, "correct horse battery staple");
		page.waitForURL("**/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Hello, Lee Lockout");
	}

	static void submit(Page page, String username, String password) {
		page.navigate("/login");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	@Test
	void pagesFitAPhoneScreen() {
		page.setViewportSize(375, 740);
		signIn("admin");
		for (var path : List.of("/", "/login")) {
			page.navigate(path);
			var overflow = (Boolean) page
				.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
			assertThat(overflow).as("horizontal scrolling on " + path + " at phone width").isFalse();
		}
	}

}
