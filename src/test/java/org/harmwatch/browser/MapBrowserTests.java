package org.harmwatch.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map of the region in a real browser: the real boundaries drawn with no internet,
 * layers switched, areas explained.
 */
@HarmwatchIntegrationTest
class MapBrowserTests extends BrowserTestSupport {

	@Test
	void drawsTheSevenLocalAuthoritiesWithNoTileServer() {
		var requests = new java.util.ArrayList<String>();
		page.onRequest(request -> requests.add(request.url()));
		page.navigate("/map");
		page.locator("#map[data-loaded-layers~=lad]").waitFor();
		assertThat(page.locator("path.hw-area--lad")).hasCount(7);
		assertThat(page.locator("#lad-table tbody tr")).hasCount(7);
		assertThat(page.locator("#lad-table")).containsText("E08000025");
		assertThat(requests).as("the map must work with no internet: only our own server is asked")
			.allMatch(url -> url.startsWith("http://localhost:" + port + "/") || url.startsWith("data:"));
		assertAccessible();
	}

	@Test
	void switchesToWardsAndExplainsAnAreaWhenClicked() {
		signIn("coordinator");
		page.navigate("/map");
		page.locator("#map[data-loaded-layers~=lad]").waitFor();
		page.getByLabel("Wards (May 2024)").check();
		page.locator("#map[data-loaded-layers~=ward]").waitFor();
		assertThat(page.locator("path.hw-area--ward")).hasCount(192);

		page.getByLabel("Wards (May 2024)").uncheck();
		page.locator("path.hw-area--lad")
			.first()
			.click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
		assertThat(page.locator(".leaflet-popup-content")).containsText("E0800002");
		assertAccessible();
	}

	@Test
	void fitsAPhoneScreen() {
		page.setViewportSize(375, 740);
		page.navigate("/map");
		page.locator("#map[data-loaded-layers~=lad]").waitFor();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		var overflow = (Boolean) page
			.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
		assertThat(overflow).as("horizontal scrolling on the map page at phone width").isFalse();
		assertAccessible();
	}

}
