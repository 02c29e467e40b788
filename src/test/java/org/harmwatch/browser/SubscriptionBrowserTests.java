package org.harmwatch.browser;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member of the public subscribes to drug alerts and confirms by the emailed link; the
 * coordinator's delivery and subscription pages. Every page passes axe.
 */
@HarmwatchIntegrationTest
class SubscriptionBrowserTests extends BrowserTestSupport {

	@Test
	void aMemberOfThePublicSubscribesAndConfirmsByEmail() {
		var address = "browser-" + System.nanoTime() + "@example.org";
		page.navigate("/subscribe");
		assertAccessible();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
		assertThat(page.locator(".govuk-error-summary")).isVisible();
		assertAccessible();

		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Email address or UK mobile number").fill(address);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Check your email");
		assertAccessible();

		await().atMost(Duration.ofSeconds(20)).until(() -> !TestMessaging.mailTo(address).isEmpty());
		var body = GreenMailUtil.getBody(TestMessaging.mailTo(address).get(0));
		var path = body.replaceAll("(?s).*?(/subscribe/confirm/[A-Za-z0-9_-]+).*", "$1");
		page.navigate(path);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Confirm your subscription");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Subscription confirmed");
		assertAccessible();
	}

	@Test
	void theCoordinatorsDeliveryAndSubscriptionPagesAreAccessible() {
		signIn("coordinator");
		page.navigate("/dissemination");
		assertAccessible();
		page.navigate("/dissemination/subscriptions");
		assertAccessible();

		// Professionals with nothing chosen: the error summary, and the page is still
		// accessible.
		var add = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).first();
		add.click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose an agency, a role, or enter an address.");
		assertAccessible();

		// An on-call address for one district's alerts about one kind of drug.
		var address = "oncall-" + System.nanoTime() + "@example.org";
		page.getByLabel("Or one address").fill(address);
		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Which areas?"))
			.getByLabel("Coventry")
			.check();
		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Which kinds of drug?"))
			.getByLabel("Nitazene")
			.check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).first().click();
		var row = page.getByRole(AriaRole.ROW)
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(address));
		assertThat(row).containsText("Coventry");
		assertThat(row).containsText("Nitazene");
		assertAccessible();
	}

}
