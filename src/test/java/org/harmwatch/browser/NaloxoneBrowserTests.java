package org.harmwatch.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naloxone lead adds a holder that is listed in the public finder and records kits
 * received into it, a form with mistakes answering with its error summary; then a
 * visitor, not signed in, finds the place on a phone.
 */
@HarmwatchIntegrationTest
class NaloxoneBrowserTests extends BrowserTestSupport {

	static final int PHONE = 320;

	@Test
	void theLeadKeepsTheLedgerAndAVisitorFindsAKitOnAPhone() {
		var name = "Browser pharmacy " + UUID.randomUUID().toString().substring(0, 8);
		signIn("naloxone");
		page.navigate("/naloxone");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Naloxone kits").setLevel(1)))
			.isVisible();
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a holder")).click();
		page.getByLabel("Kind of holder").selectOption("PHARMACY");
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("District").selectOption(new SelectOption().setValue("E08000025"));
		page.getByLabel("Address").fill("1 New Street");
		page.getByLabel("Postcode").fill("B2 4QA");
		page.getByLabel("Opening hours").fill("Monday to Saturday 9am to 6pm");
		page.getByLabel("Latitude (optional)").fill("52.4797");
		page.getByLabel("Longitude (optional)").fill("-1.8990");
		page.getByLabel("It trains people to give naloxone").check();
		page.getByLabel("List it in the public naloxone finder").check();
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		page.waitForURL("**/naloxone");
		assertThat(page.getByText("The holder is added.")).isVisible();

		// A movement with mistakes is answered with the error summary, linked to its
		// fields
		page.navigate("/naloxone/movements/new");
		page.getByLabel("Number of kits").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
		var summary = page.locator(".govuk-error-summary");
		assertThat(summary).isVisible();
		assertThat(summary).containsText("Choose what happened");
		assertThat(summary).containsText("Enter the number of kits");
		assertAccessible();

		page.getByLabel("Kits received from the supplier").check();
		page.getByLabel("Product").selectOption("NYXOID");
		page.getByLabel("Batch number").fill("BR-" + name.substring(name.length() - 8));
		page.getByLabel("Expiry date").fill("2030-01-31");
		page.getByLabel("To holder").selectOption(new SelectOption().setLabel(name));
		page.getByLabel("Number of kits").fill("12");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
		page.waitForURL("**/naloxone");
		assertThat(page.getByText("The kits received are recorded.")).isVisible();
		var row = page.locator("table tr", new Page.LocatorOptions().setHasText(name)).first();
		assertThat(row).containsText("12");
		assertAccessible();

		// The points of risk and coverage pages, as the lead reads them
		page.navigate("/naloxone/points");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Points of risk").setLevel(1)))
			.isVisible();
		assertAccessible();
		page.navigate("/naloxone/coverage?district=E08000025");
		assertThat(page.locator("#coverage-districts")).containsText("Birmingham");
		assertThat(page.locator("#coverage-lsoas")).isVisible();
		// The kits map shades Birmingham's LSOAs from the LSOA table, one area per row.
		var lsoas = page.locator("#coverage-lsoas tbody tr[data-code]").count();
		assertThat(page.locator("#map")).hasAttribute("data-rendered", String.valueOf(lsoas));
		assertThat(page.locator("#coverage-legend li").first()).isVisible();
		assertAccessible();
		page.navigate("/naloxone/coverage");
		assertThat(page.locator("#map")).hasAttribute("data-rendered",
				String.valueOf(page.locator("#coverage-districts tbody tr[data-code]").count()));
		assertThat(page.locator("#hotspots-heading")).isVisible();
		page.setViewportSize(PHONE, 640);
		assertAccessible();
		page.setViewportSize(1280, 900);

		// A visitor on a phone, not signed in
		context.clearCookies();
		page.setViewportSize(PHONE, 640);
		page.navigate("/naloxone/finder");
		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Find a naloxone kit").setLevel(1)))
			.isVisible();
		page.getByLabel("District").selectOption(new SelectOption().setValue("E08000025"));
		page.getByLabel("Only places that train you to use a kit").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show places")).click();
		page.waitForURL("**district=E08000025**");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
		assertThat(page.locator("#places")).containsText("Monday to Saturday 9am to 6pm");
		// the map shows the listed places with a point; the list stays the text
		// alternative
		var map = page.locator("#finder-map");
		assertThat(map).hasAttribute("data-loaded", "true");
		assertThat(page.locator("#finder-map .hw-finder-place").first()).isVisible();
		assertThat(page.locator("#map-status")).containsText("places shown");
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")).isFalse();
		assertAccessible();
	}

}
