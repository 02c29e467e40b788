package org.harmwatch.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The substance vocabulary in a real browser: reading it, the coordinator's form with its
 * errors, and an import, each page checked with axe-core and at phone width.
 */
@HarmwatchIntegrationTest
class SubstanceBrowserTests extends BrowserTestSupport {

	@Test
	void aFrontlineWorkerLooksUpAStreetName() {
		signIn("frontline");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Substances").setExact(true)).first().click();
		page.waitForURL("**/substances");
		assertAccessible();
		page.getByLabel("Name, alias or street name").fill("tranq");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xylazine").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Xylazine");
		assertThat(page.locator("main")).containsText("Sedation not reversed by naloxone");
		assertThat(page.locator("main")).not().containsText("Change this substance");
		assertAccessible();
	}

	@Test
	void theCoordinatorCorrectsAFormThatReusesAStreetName() {
		signIn("coordinator");
		page.navigate("/substances/new");
		assertAccessible();
		var name = "Browser nitazene " + System.nanoTime();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("Class", new Page.GetByLabelOptions().setExact(true)).selectOption("NITAZENE");
		page.getByLabel("High potency").check();
		page.getByLabel("Naloxone-responsive").check();
		page.getByLabel("Street names").fill("spice");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
		assertThat(page.locator(".govuk-error-summary"))
			.containsText("'spice' already belongs to Synthetic cannabinoids (unspecified)");
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^There is a problem"));
		assertAccessible();

		page.getByLabel("Street names").fill("browser street " + name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		assertThat(page.locator(".govuk-notification-banner")).containsText(name + " has been saved.");
		assertAccessible();
	}

	@Test
	void theCoordinatorImportsACsvFile() throws Exception {
		signIn("coordinator");
		page.navigate("/substances/import");
		assertAccessible();
		var name = "Browser import " + System.nanoTime();
		var file = Files.createTempFile("substances", ".csv");
		var slow = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
		try {
			Files.writeString(file, "name,class\n" + name + ",OTHER\n" + name + " 2,NOPE\n", StandardCharsets.UTF_8);
			page.getByLabel("CSV file (UTF-8)").setInputFiles(file);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
			// Checked in the background: the page follows the job and then names every
			// bad
			// row.
			assertThat(page.locator("#problems")).containsText("'NOPE' is not a class", slow);
			assertThat(page.locator(".govuk-error-summary")).containsText("Row 3, class: 'NOPE' is not a class");
			assertAccessible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload a corrected file")).click();
			Files.writeString(file, "name,class\n" + name + ",OTHER\n", StandardCharsets.UTF_8);
			page.getByLabel("CSV file (UTF-8)").setInputFiles(file);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
			assertThat(page.locator("main")).containsText("1 row: 1 new, 0 changed, 0 unchanged.", slow);
			assertThat(page.locator("main")).containsText(name);
			assertAccessible();
			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Import ")))
				.click();
			assertThat(page.locator(".govuk-notification-banner")).containsText("1 new", slow);
			assertAccessible();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void substancePagesFitAPhoneScreen() {
		page.setViewportSize(375, 740);
		signIn("coordinator");
		for (var path : List.of("/substances", "/substances/fentanyl", "/substances/new", "/substances/import")) {
			page.navigate(path);
			var overflow = (Boolean) page
				.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
			assertThat(overflow).as("horizontal scrolling on " + path + " at phone width").isFalse();
		}
	}

}
