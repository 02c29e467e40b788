package org.harmwatch.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An analyst runs a festival session: creates it, takes in a pill, records a
 * high-strength result and gives advice; the person then looks up their result
 * anonymously with the code printed on the label.
 */
@HarmwatchIntegrationTest
class DrugCheckingBrowserTests extends BrowserTestSupport {

	@Test
	void anAnalystChecksAPillAndThePersonLooksUpTheResultByItsCode() {
		signIn("analyst");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Drug checking").setExact(true))
			.first()
			.click();
		page.waitForURL("**/drug-checking/sessions");
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New session")).click();
		page.waitForURL("**/drug-checking/sessions/new");
		assertAccessible();

		// An empty form names its problems and stays accessible.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create session")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the site's name.");
		assertAccessible();

		var festival = "Browser festival " + UUID.randomUUID();
		page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true)).fill(festival);
		page.getByLabel("Kind of site (for a new site)").selectOption("FESTIVAL");
		page.getByLabel("Council area of the site").selectOption("E08000025");
		page.getByLabel("Session name").fill("Saturday tent");
		page.getByLabel("First day").fill("2026-07-18");
		page.getByLabel("Last day").fill("2026-07-19");
		page.getByLabel("Staff on duty").fill("Chemist A, Worker B");
		page.getByLabel("Not for law enforcement").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create session")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Session created");
		assertThat(page.locator("main")).containsText("Results are never given to the police");
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Take in a sample")).click();
		assertAccessible();
		page.getByLabel("How did the sample come in?").selectOption("FRONT_OF_HOUSE");
		page.getByLabel("What was it sold as?").fill("MDMA");
		page.getByLabel("Form", new Page.GetByLabelOptions().setExact(true)).selectOption("PILL");
		page.getByLabel("Colour").fill("orange");
		page.getByLabel("Logo").fill("Tesla");
		page.getByLabel("Weight in mg").fill("350");
		page.getByLabel("Council area where it was bought").selectOption("E08000025");
		page.getByLabel("The person consents to the sample being tested").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take in and print label")).click();
		page.waitForURL("**/label");
		var code = page.locator("[data-sample-code]").textContent().strip();
		org.assertj.core.api.Assertions.assertThat(code).matches("WM(-[A-Z0-9]{4}){3}");
		assertThat(page.getByRole(AriaRole.IMG)).hasAttribute("alt",
				"QR code linking to the result lookup for sample " + code);
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the sample")).click();
		assertAccessible();
		page.getByLabel("Substance 1", new Page.GetByLabelOptions().setExact(true)).fill("MDMA");
		page.getByLabel("Quantity of component 1").fill("240");
		page.getByLabel("Unit of component 1").selectOption("MG_PER_UNIT");
		page.getByLabel("Salt or base of component 1").selectOption("SALT");
		page.getByLabel("Confidence of component 1").selectOption("CONFIRMED");
		page.getByLabel("Method of component 1").selectOption("FTIR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record result")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Result version 1 recorded");
		assertThat(page.locator("main")).containsText("High strength");
		assertThat(page.getByLabel("Advice", new Page.GetByLabelOptions().setExact(true))).containsText("half or less");
		assertAccessible();

		page.getByLabel("Did the person dispose of the remaining drugs?").selectOption("no");
		page.getByLabel("What does the person intend to do?").selectOption("TAKE_LESS");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record advice given")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Advice and outcome recorded");
		assertAccessible();

		// Partner results come in from a CSV: map the columns, the import job names the
		// bad row and imports nothing.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Saturday tent")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import results (CSV)")).click();
		assertAccessible();
		page.getByLabel("CSV file (up to 50 MB)")
			.setInputFiles(new com.microsoft.playwright.options.FilePayload("partner.csv", "text/csv",
					("sampleid,substance,abundance,method\n"
							+ "P1,cocaine,,FTIR\nP1,levamisole,trace,FTIR\nP2,,,FTIR\n")
						.getBytes()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and map columns")).click();
		assertThat(page.locator("h1")).containsText("Map the columns");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
		assertThat(page.locator("h1")).containsText("Nothing was imported");
		assertThat(page.locator("table")).containsText("No substance.");
		assertAccessible();

		// The person, not signed in, looks the result up with the code from the label.
		context.clearCookies();
		page.navigate("/drug-checking/results");
		assertAccessible();
		page.getByLabel("Sample code").fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up result")).click();
		assertThat(page.locator("h1")).containsText("Result for sample " + code);
		assertThat(page.locator("main")).containsText("MDMA");
		assertThat(page.locator("main")).containsText("240 mg per unit (salt)");
		assertThat(page.locator("main")).containsText("half or less");
		assertAccessible();

		// A wrong code shows nothing.
		page.navigate("/drug-checking/results");
		page.getByLabel("Sample code").fill("WM-2222-2222");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up result")).click();
		assertThat(page.locator("h1")).containsText("No result to show for this code yet");
		assertAccessible();
	}

}
