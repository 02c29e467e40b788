package org.harmwatch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouped service navigation at phone width (320 px): sections behind the menu
 * button, each opening its pages, worked by keyboard, and the same links without
 * JavaScript; no page scrolls sideways.
 */
@HarmwatchIntegrationTest
class NavigationBrowserTests extends BrowserTestSupport {

	static final int PHONE = 320;

	boolean scrollsSideways() {
		return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
	}

	@Test
	void aCoordinatorFindsTheirSectionsOnAPhoneByKeyboard() {
		page.setViewportSize(PHONE, 640);
		signIn("coordinator");
		var menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu").setExact(true));
		assertThat(menu).isVisible();
		assertThat(menu).hasAttribute("aria-expanded", "false");
		var sections = page.locator("#navigation");
		assertThat(sections).isHidden();
		assertThat(scrollsSideways()).isFalse();
		assertAccessible();

		// Open the menu and follow the first section, by keyboard only.
		menu.focus();
		page.keyboard().press("Enter");
		assertThat(menu).hasAttribute("aria-expanded", "true");
		assertThat(sections).isVisible();
		assertThat(sections.getByRole(AriaRole.LINK)).hasText(new String[] { "Intelligence", "Drug checking",
				"Harm reduction", "Maps and analysis", "Reference data" });
		page.keyboard().press("Tab");
		assertThat(sections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Intelligence")))
			.isFocused();
		page.keyboard().press("Enter");
		page.waitForURL("**/early-warning/signals");

		// The section's pages, one a line, the current one marked; the section is marked
		// in the closed menu too.
		var pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Intelligence pages"));
		assertThat(pages).isVisible();
		assertThat(pages.locator("a[aria-current='page']")).hasText("Signals");
		assertThat(page.locator("#navigation a[aria-current]")).hasAttribute("aria-current", "page");
		var signals = pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Signals").setExact(true));
		var panel = pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Grade signals"));
		assertThat(panel.boundingBox().y).isGreaterThan(signals.boundingBox().y);
		assertThat(scrollsSideways()).isFalse();
		assertAccessible();

		panel.focus();
		page.keyboard().press("Enter");
		page.waitForURL("**/early-warning/panel");
		assertThat(pages.locator("a[aria-current='page']")).hasText("Grade signals");
		assertThat(page.locator("#navigation a[aria-current]")).hasAttribute("aria-current", "true");
		assertThat(scrollsSideways()).isFalse();
		assertAccessible();
	}

	@Test
	void withoutJavaScriptEverySectionIsAPlainLink() {
		context.close();
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
			.setJavaScriptEnabled(false)
			.setViewportSize(PHONE, 640));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
		signIn("analyst");
		var menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu").setExact(true));
		assertThat(menu).isHidden();
		var sections = page.locator("#navigation");
		assertThat(sections).isVisible();
		sections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Drug checking")).click();
		page.waitForURL("**/drug-checking/sessions");
		var pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Drug checking pages"));
		pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Statistics")).click();
		page.waitForURL("**/drug-checking/statistics");
		assertThat(pages.locator("a[aria-current='page']")).hasText("Statistics");
		assertThat(scrollsSideways()).isFalse();
	}

}
