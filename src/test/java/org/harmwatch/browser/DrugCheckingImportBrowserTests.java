package org.harmwatch.browser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An analyst imports a partner lab's CSV: uploads it, maps its columns and watches the
 * progress bar (polled by the page's script) until the import is done; a file with a bad
 * row imports nothing and names the row.
 */
@HarmwatchIntegrationTest
class DrugCheckingImportBrowserTests extends BrowserTestSupport {

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	UUID session() {
		return sessionManagement.createSession(
				new SessionDraft("Browser partner lab " + UUID.randomUUID(), SiteKind.POSTAL, null, "Partner results",
						LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Partner lab", Set.of()),
				"analyst", "WM-CHECK", Instant.now());
	}

	static String csv(int samples, int badRow) {
		var csv = new StringBuilder("sample_id,sold_as,substance,method\n");
		int row = 1;
		for (int s = 0; s < samples; s++) {
			for (var substance : new String[] { "fentanyl", "xylazine", "caffeine", "lidocaine" }) {
				row++;
				csv.append("P-")
					.append(s)
					.append(",heroin,")
					.append(substance)
					.append(row == badRow ? ",NMR\n" : ",GCMS\n");
			}
		}
		return csv.toString();
	}

	void uploadAndMap(UUID session, String csv) {
		page.navigate("/drug-checking/sessions/" + session + "/import");
		assertAccessible();
		page.getByLabel("CSV file (up to 50 MB)")
			.setInputFiles(new FilePayload("partner.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and map columns")).click();
		page.waitForURL("**/drug-checking/imports/*");
		assertThat(page.getByLabel("Sample id column")).hasValue("sample_id");
		assertThat(page.getByLabel("Substance column")).hasValue("substance");
		assertThat(page.getByLabel("Sold as column")).hasValue("sold_as");
		page.getByLabel("How did the sample come in?").selectOption("AMNESTY_BIN");
		assertAccessible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
	}

	@Test
	void anAnalystWatchesALargeImportReachDone() {
		var session = session();
		signIn("analyst");
		uploadAndMap(session, csv(600, -1));

		var status = page.locator("#import-progress-text");
		assertThat(status).hasAttribute("aria-live", "polite");
		assertThat(status).containsText("of 2,400 rows");
		assertThat(page.locator("progress#import-progress")).hasAttribute("max", "2400");
		assertAccessible();

		// The script polls the status and loads the result when the job is done.
		assertThat(page.locator(".govuk-panel__title")).hasText("Results imported",
				new LocatorAssertions.HasTextOptions().setTimeout(180_000));
		assertThat(page.locator(".govuk-panel__body")).containsText("600 samples imported");
		assertAccessible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the session's samples")))
			.hasAttribute("href", "/drug-checking/sessions/" + session);
		org.assertj.core.api.Assertions.assertThat(sampleManagement.samples(session)).hasSize(600);
	}

	@Test
	void aFileWithABadRowImportsNothingAndTheJobPageNamesTheRow() {
		var session = session();
		signIn("analyst");
		uploadAndMap(session, csv(50, 37));

		assertThat(page.locator("h1")).hasText("Nothing was imported",
				new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(page.locator(".govuk-error-summary")).containsText("Nothing has been imported");
		assertThat(page.locator("table")).containsText("37");
		assertThat(page.locator("table")).containsText("Unknown method \"NMR\"");
		assertAccessible();
		org.assertj.core.api.Assertions.assertThat(sampleManagement.samples(session)).isEmpty();
	}

}
