package org.harmwatch.browser;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.consumptionrooms.NeedleChannel;
import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.NeedleReportDraft;
import org.harmwatch.consumptionrooms.RoomManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The needle maps and a room's evaluation pages pass axe: the public ward map at a
 * phone's width and on a desktop (drawn, with no sideways scrolling), the staff map with
 * its heatmap, the evaluation around a site and the siting view.
 */
@HarmwatchIntegrationTest
class NeedleMapsBrowserTests extends BrowserTestSupport {

	static final int PHONE = 320;

	@Autowired
	NeedleManagement needles;

	@Autowired
	RoomManagement rooms;

	@Test
	void thePublicMapWorksOnAPhone() {
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
		needles
			.report(new NeedleReportDraft(52.4068, -1.5197, "Needles by the ring road", null, null, NeedleChannel.WEB));
		page.setViewportSize(PHONE, 640);
		page.navigate("/needles/public-map");
		assertThat(page.locator("h1")).containsText("Discarded needles found in");
		assertThat(page.locator("#needle-public-map")).hasAttribute("data-rendered", "true");
		assertThat(page.locator("#map-status")).hasText("Map drawn");
		assertThat(page.locator("#needle-public-map .leaflet-interactive").first()).isVisible();
		assertAccessible();
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling at phone width")
			.isFalse();
		assertThat(page.locator("#wards tbody tr").first()).containsText("fewer than 5");

		page.setViewportSize(1280, 900);
		page.navigate("/needles/public-map");
		assertThat(page.locator("#needle-public-map")).hasAttribute("data-rendered", "true");
		assertAccessible();
	}

	@Test
	void theStaffMapTheEvaluationAndTheSitingViewAreAccessible() {
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
		needles
			.report(new NeedleReportDraft(52.4081, -1.5106, "Syringes in the car park", null, null, NeedleChannel.WEB));
		signIn("commissioner");
		page.navigate("/needles/maps?lad=E08000026");
		assertThat(page.locator("h1")).containsText("Needle finds in");
		assertThat(page.locator("#needle-heatmap")).hasAttribute("data-rendered", "true");
		assertAccessible();

		rooms.setSite("BHM-OPC", "Digbeth overdose prevention centre", 52.4751, -1.8857, 8, "test");
		page.navigate("/rooms/evaluation");
		assertThat(page.locator("h1")).hasText("Needles and overdoses around a site, before and after it opened");
		assertAccessible();

		page.navigate("/rooms/siting?lad=E08000026");
		assertThat(page.locator("h1")).hasText("Where a room would serve most");
		assertThat(page.locator("#siting tbody tr")).hasCount(20);
		assertAccessible();
	}

}
