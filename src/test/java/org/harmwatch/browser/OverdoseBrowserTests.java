package org.harmwatch.browser;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paramedic records an overdose on a phone (320 px wide) with only ODMAP's four facts:
 * first sent empty, the error summary names each one and leads to its field; then it is
 * recorded and shown. The incident list, the public statistics and their map (at phone
 * and desktop width) and the daily surveillance page pass axe too.
 */
@HarmwatchIntegrationTest
class OverdoseBrowserTests extends BrowserTestSupport {

	static final int PHONE = 320;

	@Test
	void aParamedicRecordsAnOverdoseOnAPhone() {
		page.setViewportSize(PHONE, 640);
		signIn("paramedic");
		page.navigate("/overdose/incidents/new");
		assertThat(page.locator("h1")).hasText("Record an overdose");
		assertAccessible();
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling on the incident form at phone width")
			.isFalse();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record overdose")).click();
		var summary = page.locator(".govuk-error-summary");
		assertThat(summary).containsText("Enter when it happened");
		assertThat(summary).containsText("Say whether the person died");
		assertAccessible();
		summary.getByText("Enter when it happened").click();
		assertThat(page.locator("#occurredAt")).isFocused();

		var when = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
		page.locator("#occurredAt").fill(when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
		page.getByLabel("Where, roughly?").fill("B12");
		page.getByLabel("No, non-fatal").check();
		page.getByLabel("Naloxone doses given").fill("1");
		page.getByLabel("Nasal spray").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record overdose")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Overdose recorded");
		assertThat(page.locator("main")).containsText("B12");
		assertThat(page.locator("main")).containsText("1 dose(s), Nasal spray, by Paramedic");
		assertAccessible();

		page.navigate("/overdose/incidents");
		assertThat(page.locator("h1")).hasText("Overdose incidents");
		assertAccessible();

		// A partner's file: upload, map (guessed from the header), import.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a file")).click();
		assertThat(page.locator("h1")).hasText("Import overdoses");
		assertAccessible();
		page.getByLabel("Where the file comes from").fill("CAD export");
		page.locator("#file").setInputFiles(fixture("overdose/wmas_cad_export.csv"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
		assertThat(page.locator("h1")).hasText("Map the columns");
		assertAccessible();
		page.getByLabel("Date and time (needed)").selectOption("Call_DateTime");
		page.getByLabel("Location: postcode district, ward, district or area code").selectOption("Postcode_District");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Overdoses imported",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertAccessible();
	}

	static Path fixture(String name) {
		try {
			return Path.of(OverdoseBrowserTests.class.getResource("/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theLiveMapAndTheDeathsPassAxeOnAPhoneAndTheMapDraws() {
		page.setViewportSize(PHONE, 640);
		signIn("paramedic");
		page.navigate("/overdose/map?interval=WEEK");
		assertThat(page.locator("h1")).hasText("Live map of overdoses");
		// The script fetched the incidents and the boundaries and drew them.
		assertThat(page.locator("#map")).hasAttribute("data-rendered", Pattern.compile("\\d+ \\d+ \\d+"));
		assertThat(page.locator("#curve-chart")).isVisible();
		assertThat(page.locator("#hours-table tbody tr")).hasCount(7);
		assertAccessible();
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling on the live map at phone width")
			.isFalse();
		page.navigate("/overdose/map?from=2020-02-30");
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter a date as 2026-12-05");
		assertAccessible();
		page.navigate("/overdose/deaths");
		assertThat(page.locator("h1")).hasText("Drug-related deaths");
		assertAccessible();
	}

	@Test
	void thePublicStatisticsAndTheirMapPassAxeOnAPhoneAndOnADesktop() {
		page.setViewportSize(PHONE, 640);
		page.navigate("/overdose/statistics");
		assertThat(page.locator("h1")).hasText("Overdoses by district and month");
		assertAccessible();

		// The map of the same months, from the table's link: drawn from the districts'
		// boundaries and the table under it, one area per row.
		page.locator("#map-link").click();
		assertThat(page.locator("h1")).hasText("Map of overdoses by district");
		var rows = page.locator("#districts tbody tr[data-code]").count();
		assertThat(rows).isPositive();
		assertThat(page.locator("#map")).hasAttribute("data-rendered", String.valueOf(rows));
		assertThat(page.locator("#map path.hw-area")).hasCount(rows);
		assertThat(page.locator("#map-status")).hasText("Map drawn.");
		assertThat(page.locator("#legend")).containsText("fewer than 5");
		assertAccessible();
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
			.as("horizontal scrolling on the public overdose map at phone width")
			.isFalse();

		page.setViewportSize(1280, 900);
		page.navigate("/overdose/statistics/map?fatal=true");
		assertThat(page.locator("#map")).hasAttribute("data-rendered", String.valueOf(rows));
		assertThat(page.locator("#fatal")).hasValue("true");
		assertAccessible();
	}

	@Test
	void anAnalystRunsTheDailySurveillanceAndItsPagePassesAxe() {
		signIn("coordinator");
		page.navigate("/overdose/surveillance");
		assertThat(page.locator("h1")).hasText("Daily overdose surveillance");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run it now")).click();
		// the run just made is the one shown, and first among the runs
		assertThat(page.locator("#run-summary")).containsText("on demand");
		var shown = page.locator("#run-summary").getAttribute("data-run");
		assertThat(page.locator("#runs-table tbody tr").first()).hasAttribute("data-run", shown);
		assertThat(page.locator("#run-duration")).containsText(" s");
		assertAccessible();
		page.setViewportSize(PHONE, 640);
		page.reload();
		assertThat(page.locator("h1")).hasText("Daily overdose surveillance");
		assertAccessible();
	}

}
