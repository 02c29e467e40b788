package org.harmwatch.browser;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * Consumption rooms' pages pass axe: the public needle report at a phone's width (the map
 * pin fills the coordinates; sent empty, then with a photo), the council's list, report
 * and sweep, recording quality, the administrator's council set-up, and the room's visit,
 * overdose, referral and report pages.
 */
@HarmwatchIntegrationTest
class ConsumptionRoomsBrowserTests extends BrowserTestSupport {

	static final int PHONE = 320;

	@Autowired
	NeedleManagement needles;

	@Autowired
	RoomManagement rooms;

	void noSidewaysScrolling(String what) {
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling on " + what + " at phone width")
			.isFalse();
	}

	@Test
	void anyoneReportsNeedlesOnAPhone() throws Exception {
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
		page.setViewportSize(PHONE, 640);
		page.navigate("/needles/report");
		assertThat(page.locator("h1")).hasText("Report discarded needles");
		assertThat(page.locator("#needle-map")).hasAttribute("data-loaded", "true");
		assertAccessible();
		noSidewaysScrolling("the needle report");

		// A tap on the map puts the pin there and fills the coordinates.
		page.locator("#needle-map").click();
		assertThat(page.locator("#lat")).not().hasValue("");
		assertThat(page.locator("#map-status")).containsText("Pin placed at");

		page.locator("#lat").fill("");
		page.locator("#lon").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		var summary = page.locator(".govuk-error-summary");
		assertThat(summary).containsText("Put the pin where the needles are");
		assertAccessible();
		summary.getByText("Put the pin where the needles are").click();
		assertThat(page.locator("#lat")).isFocused();

		var photo = Files.createTempFile("needles", ".png");
		ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
		page.locator("#lat").fill("52.40812");
		page.locator("#lon").fill("-1.51053");
		page.getByLabel("What did you see? (optional)").fill("Two syringes by the steps");
		page.locator("#photo").setInputFiles(photo);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Report sent");
		assertThat(page.locator("#reference")).hasText(Pattern.compile("\\d+"));
		assertAccessible();
		noSidewaysScrolling("the thanks page");
		Files.deleteIfExists(photo);
	}

	@Test
	void theCouncilSweepsAndTheCommissionerSeesTheQuality() {
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
		var report = needles
			.report(new NeedleReportDraft(52.4068, -1.5197, "Needles in the underpass", null, null, NeedleChannel.WEB));
		signIn("sweeper");
		page.navigate("/needles");
		assertThat(page.locator("h1")).hasText("Needle reports");
		assertAccessible();
		page.navigate("/needles/reports/" + report.id());
		assertThat(page.locator("h1")).hasText("Needle report " + report.reference());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sweep")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Say whether needles were found");
		assertAccessible();
		page.getByLabel("Yes, found and collected").check();
		page.getByLabel("Needles collected").fill("4");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sweep")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Sweep recorded");
		assertThat(page.locator("#report-status")).containsText("Collected 4 needles");
		assertAccessible();
		page.navigate("/needles/quality");
		assertThat(page.locator("h1")).hasText("Needle recording quality by council");
		assertThat(page.locator("#quality")).containsText("Coventry");
		assertAccessible();
	}

	/**
	 * The administrator reaches the council set-up from the Administration section,
	 * changes Dudley's council and service level, is told what is wrong first, and sees
	 * the change in the table.
	 */
	@Test
	void anAdministratorSetsWhichCouncilAnswersForADistrict() {
		signIn("admin");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration").setExact(true))
			.first()
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Needle councils").setExact(true))
			.first()
			.click();
		assertThat(page.locator("h1")).hasText("Councils answering for needle reports");
		assertThat(page.locator("#councils [data-district]")).hasCount(7);
		assertAccessible();

		page.locator("[data-change=E08000027]").click();
		assertThat(page.locator("#change-title")).hasText("Change who answers for Dudley");
		assertAccessible();
		page.getByLabel("Council agency").selectOption("BCC-PH");
		page.getByLabel("Service level in hours").fill("0");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		var summary = page.locator(".govuk-error-summary");
		assertThat(summary).containsText("Enter the service level in whole hours, from 1 to 2160");
		assertThat(page).hasTitle(Pattern.compile("^Error"));
		assertAccessible();
		summary.getByText("Enter the service level in whole hours, from 1 to 2160").click();
		assertThat(page.locator("#serviceLevelHours")).isFocused();

		page.getByLabel("Service level in hours").fill("24");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("The council and service level are saved");
		var dudley = page.locator("#councils [data-district=E08000027]");
		assertThat(dudley).containsText("(BCC-PH)");
		assertThat(dudley).containsText("24 hours");
		assertAccessible();
	}

	@Test
	void aRoomRecordsAVisitAnOverdoseAndAReferral() {
		rooms.setSite("BHM-OPC", "Digbeth overdose prevention centre", 52.4751, -1.8857, 8, "test");
		signIn("clinic");
		page.navigate("/rooms/visits/new");
		assertThat(page.locator("h1")).hasText("Record a visit");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the client code");
		assertAccessible();
		var in = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
		page.getByLabel("Site").selectOption(page.locator("#siteId option").nth(1).getAttribute("value"));
		page.getByLabel("Client code").fill("OPC-2201");
		page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(in.toLocalDate().toString());
		page.getByLabel("Time in").fill(in.toLocalTime().toString());
		page.getByLabel("Substances used").fill("heroin");
		page.getByLabel("Injected").check();
		page.getByLabel("A public place (street, park, toilet, stairwell)").check();
		page.getByLabel("Homeless (no fixed abode)").check();
		page.getByLabel("Drug checking was offered").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Visit recorded");
		assertAccessible();

		page.getByText("Record an overdose managed in the room").click();
		page.getByLabel("Oxygen given").check();
		page.getByLabel("Doses of naloxone given").fill("1");
		page.getByLabel("How naloxone was given").selectOption("NASAL");
		page.getByLabel("Recovered in the room").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save overdose")).click();
		assertThat(page.locator("#overdoses")).containsText("Recovered in the room");
		page.getByLabel("Referred to").selectOption("TREATMENT");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add referral")).click();
		assertThat(page.locator("#referrals")).containsText("Drug treatment");
		assertAccessible();

		page.navigate("/rooms");
		assertThat(page.locator("h1")).hasText("Supervised visits");
		assertAccessible();
		page.navigate("/rooms/report");
		assertThat(page.locator("#evaluation")).containsText("fewer than 5");
		assertAccessible();
	}

}
