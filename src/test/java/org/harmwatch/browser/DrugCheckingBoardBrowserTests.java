package org.harmwatch.browser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous visitor filters the public results board by a pill's logo, sees the pill
 * of concern with each component's confidence and the chart of what is in circulation (a
 * suppressed count drawn as suppressed, never as 0); the analyst opens the statistics
 * with their charts.
 */
@HarmwatchIntegrationTest
class DrugCheckingBoardBrowserTests extends BrowserTestSupport {

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Test
	void aVisitorFiltersTheBoardAndTheAnalystOpensTheStatistics() {
		var logo = "zzb" + UUID.randomUUID().toString().substring(0, 8);
		var now = Instant.now();
		var session = sessionManagement
			.createSession(
					new SessionDraft("Board browser site " + logo, SiteKind.FESTIVAL, "E08000025",
							"Board browser " + logo, LocalDate.now(), LocalDate.now(), "Chemist", Set.of()),
					"analyst", "WM-CHECK", now);
		for (var mg : List.of("90", "110", "130", "240")) {
			var sample = sampleManagement.takeIn(session,
					new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, "purple",
							logo, "heart", false, new BigDecimal("320"), "E08000025", null, true, null),
					"analyst", now);
			resultManagement.recordResult(sample.id(),
					new ResultDraft(List.of(new ComponentDraft("MDMA", new BigDecimal(mg), QuantityUnit.MG_PER_UNIT,
							Basis.SALT, Confidence.CONFIRMED, AnalysisMethod.FTIR)), true, null),
					"Analyst", now);
		}

		page.navigate("/drug-checking/board");
		assertAccessible();
		page.getByLabel("Logo").fill(logo);
		page.getByLabel("Form", new Page.GetByLabelOptions().setExact(true)).selectOption("PILL");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter results")).click();
		page.waitForURL("**logo=" + logo + "**");
		var gallery = page.locator(".hw-concern");
		assertThat(gallery).hasCount(1);
		assertThat(gallery).containsText("High strength");
		assertThat(gallery).containsText("purple, " + logo + ", heart");
		assertThat(gallery).containsText("MDMA 240 mg per unit (salt)");
		assertThat(gallery).containsText("Confirmed by FTIR");
		// No result is listed row by row, and the four MDMA results are a suppressed
		// count: no bar in the chart (not a bar of 0), and its label says so.
		assertThat(page.locator("#results-table")).hasCount(0);
		assertThat(page.locator("#circulation-table")).containsText("fewer than 5");
		assertThat(page.locator("#board-total")).containsText("fewer than 5");
		assertThat(page.locator("#circulation-chart")).isVisible();
		assertThat((Boolean) page.evaluate("() => !!Chart.getChart(document.getElementById('circulation-chart'))"))
			.isTrue();
		assertThat(page.evaluate(
				"() => { const c = Chart.getChart(document.getElementById('circulation-chart')); return [c.data.labels[0], c.data.datasets[0].data[0]]; }"))
			.isEqualTo(java.util.Arrays.asList("MDMA (fewer than 5)", null));
		assertAccessible();

		signIn("analyst");
		page.navigate("/drug-checking/statistics");
		assertThat(page.locator("h1")).hasText("Drug checking statistics");
		assertThat(page.locator("#potency-table")).isVisible();
		assertThat((Boolean) page.evaluate("() => !!Chart.getChart(document.getElementById('potency-chart'))"))
			.isTrue();
		assertThat((Boolean) page.evaluate("() => !!Chart.getChart(document.getElementById('rates-chart'))")).isTrue();
		assertAccessible();
	}

}
