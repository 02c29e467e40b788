package org.harmwatch.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The commissioner's office keeps the funding ledger in Chromium: a stream, its amount, a
 * service, an allocation refused for being too large and then made, the audit and the
 * pooling what-if; every page checked with axe.
 */
@HarmwatchIntegrationTest
class FundingBrowserTests extends BrowserTestSupport {

	@Test
	void theCommissionersOfficeKeepsTheLedgerAndReadsTheAudit() {
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		signIn("commissioner");
		page.navigate("/programme/funding");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("Funding ledger");
		assertAccessible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a funding stream")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the funding stream's name");
		assertAccessible();
		page.getByLabel("Funding stream").fill("Grant " + suffix);
		page.getByLabel("Kind of funding").selectOption("PCC_GRANT");
		page.getByLabel("Funder").fill("Police and crime commissioner");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("Funding stream added.")).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record what a stream brings in")).click();
		page.getByLabel("Funding stream").selectOption(new SelectOption().setLabel("Grant " + suffix));
		page.getByLabel("Amount").fill("150,000");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("Amount recorded.")).isVisible();
		assertThat(page.locator("#streams")).containsText("£150,000");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a funded service")).click();
		page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).fill("Testing " + suffix);
		page.getByLabel("Kind of service").selectOption("CUSTODY_TESTING");
		page.getByLabel("District").selectOption("E08000025");
		page.getByLabel("Provider").fill("Change Grow Live");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("Service added.")).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Allocate money to a service")).click();
		page.getByLabel("Funding stream").selectOption(new SelectOption().setLabel("Grant " + suffix));
		page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Testing " + suffix + " (Birmingham)"));
		page.getByLabel("Amount").fill("200000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("more than is left in this stream");
		assertAccessible();
		page.getByLabel("Amount").fill("120000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("Allocation recorded.")).isVisible();
		assertThat(page.locator("#allocations")).containsText("Testing " + suffix);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Funding audit by district")).click();
		assertThat(page.locator("#district-E08000025")).containsText("Drug testing on arrest");
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pooling funds: what if")).click();
		assertThat(page.locator("#pooling")).containsText("Birmingham");
		assertAccessible();
	}

}
