package org.harmwatch.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator manages agencies, staff and roles in a real browser; every page
 * visited passes axe.
 */
@HarmwatchIntegrationTest
class AdministrationBrowserTests extends BrowserTestSupport {

	@Test
	void anAdministratorAddsAnAgencyAndIsToldWhatToFixFirst() {
		signIn("admin");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration").setExact(true))
			.first()
			.click();
		assertAccessible();
		page.navigate("/admin/agencies");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an agency"))
			.or(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an agency")))
			.first()
			.click();
		assertAccessible();

		// Nothing filled in: an error summary that names each field, and nothing saved.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter a code for the agency");
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the agency's name");
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error"));
		assertAccessible();

		var code = "BRW-" + (System.nanoTime() % 100000);
		page.getByLabel("Code").fill(code);
		page.getByLabel("Name").fill("Browser Test Recovery Service");
		page.getByLabel("Type of agency").selectOption("TREATMENT_PROVIDER");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Browser Test Recovery Service");
		assertAccessible();
	}

	@Test
	void theRoleAndStaffPagesAreAccessible() {
		signIn("admin");
		for (var path : new String[] { "/admin/roles", "/admin/roles/new", "/admin/roles/PANEL_MEMBER/edit",
				"/admin/staff", "/admin/staff/new", "/admin/api-clients", "/admin/api-clients/new" }) {
			var response = page.navigate(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertAccessible();
		}
	}

	@Test
	void anAdministratorRecordsADataSharingAgreementAndEndsIt() {
		signIn("admin");
		page.navigate("/admin/sharing");
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record an agreement")).click();
		assertAccessible();

		// A police force can never be given health data, by an agreement either: the form
		// says so and stores nothing.
		var reference = "DSA-BRW-" + (System.nanoTime() % 100000);
		page.getByLabel("Reference").fill(reference);
		page.getByLabel("Whose records").selectOption("WM-CHECK");
		page.getByLabel("Shared with").selectOption("WMP");
		page.getByLabel("Which records").selectOption("DRUG_CHECKING");
		page.getByLabel("Read", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Purpose", new Page.GetByLabelOptions().setExact(true)).selectOption("HEALTH");
		page.getByLabel("Legal basis").fill("UK GDPR Art. 6(1)(e); DPA 2018 Sch. 1 para 2");
		page.getByLabel("Starts on").fill("2026-12-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record agreement")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("may not hold health data");
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error"));
		assertAccessible();

		page.getByLabel("Purpose", new Page.GetByLabelOptions().setExact(true))
			.selectOption("PUBLIC_HEALTH_INTELLIGENCE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record agreement")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText(reference);
		var row = page.locator("tr", new Page.LocatorOptions().setHasText(reference));
		assertThat(row).containsText("In force");
		assertAccessible();

		row.getByRole(AriaRole.BUTTON).click();
		assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(reference))).containsText("Ended");
		assertAccessible();
	}

	@Test
	void anAuditorMayLookButNotChange() {
		signIn("auditor");
		page.navigate("/admin/staff");
		assertThat(page.locator("main")).containsText("Chris Coordinator");
		assertThat(page.locator("main")).not().containsText("Add a member of staff");
		var response = page.navigate("/admin/staff/new");
		assertThat(response.status()).isEqualTo(403);
	}

}
