package org.harmwatch.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA checks that axe cannot make (issue 13, item 21): pages reflow at 320 px,
 * map areas open by keyboard, and a field's error is tied to the field.
 */
@HarmwatchIntegrationTest
class AccessibilityBrowserTests extends BrowserTestSupport {

	@Autowired
	SessionManagement sessionManagement;

	@Test
	void theAgencyAndRoleListsDoNotScrollSidewaysAt320Pixels() {
		signIn("admin");
		page.setViewportSize(320, 640);
		for (var path : java.util.List.of("/admin/agencies", "/admin/roles")) {
			page.navigate(path);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
			var widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
				.toString();
			var overflow = (Boolean) page
				.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
			assertThat(overflow)
				.as("horizontal page scroll at 320 px on " + path + " (scroll, client width: " + widths
						+ "); wider elements: " + page.evaluate(WIDER_THAN_VIEWPORT))
				.isFalse();
			assertAccessible();
		}
	}

	@Test
	void anAreaOfTheMapOpensByKeyboardOnly() {
		page.navigate("/map");
		page.locator("#map[data-loaded-layers~=lad]").waitFor();
		// Tab from the heading until focus lands on an area of the map.
		page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).click();
		String focused = null;
		for (int presses = 0; presses < 40 && focused == null; presses++) {
			page.keyboard().press("Tab");
			focused = (String) page.evaluate(
					"document.activeElement && document.activeElement.classList.contains('hw-area--lad') ? document.activeElement.getAttribute('aria-label') : null");
		}
		assertThat(focused).as("an area of the map reached with Tab").isNotNull().matches(".+ \\(E0[6-9]\\d{6}\\)");
		page.keyboard().press("Enter");
		var code = focused.substring(focused.lastIndexOf('(') + 1, focused.length() - 1);
		assertThat(page.locator(".leaflet-popup-content")).isVisible();
		assertThat(page.locator(".leaflet-popup-content")).containsText(code);
		assertAccessible();
		page.keyboard().press("Escape");
		assertThat(page.locator(".leaflet-popup-content")).hasCount(0);
	}

	@Test
	void aSubstanceFieldsErrorIsTiedToTheField() {
		signIn("coordinator");
		page.navigate("/substances/new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
		assertThat(page.locator(".govuk-error-summary")).isVisible();
		assertTiedToItsError(page.locator("#name"));
		assertSummaryLinksTo("name");
		assertAccessible();
	}

	@Test
	void aReportFieldsErrorIsTiedToTheField() {
		signIn("frontline");
		page.navigate("/early-warning/reports/new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(page.locator(".govuk-error-summary")).isVisible();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose who or what the report comes from.");
		assertTiedToItsError(page.locator("#sourceType"));
		assertSummaryLinksTo("sourceType");
		assertAccessible();
	}

	@Test
	void fieldModeMarksTheComponentItWillNotSave() {
		var session = sessionManagement.createSession(new SessionDraft("Accessible festival " + UUID.randomUUID(),
				SiteKind.FESTIVAL, "E08000025", "Main tent", LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 19),
				"Chemist A", Set.of(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)), "analyst", "WM-CHECK", Instant.now());
		signIn("analyst");
		page.navigate("/drug-checking/field/" + session);
		var take = page.locator("#field-form");
		take.getByLabel("How did the sample come in?").selectOption("FRONT_OF_HOUSE");
		take.getByLabel("What was it sold as?").fill("MDMA");
		take.getByLabel("The person consents to the sample being tested").check();
		take.getByLabel("Substance 1", new Locator.GetByLabelOptions().setExact(true)).fill("MDMA");
		take.getByLabel("Method of component 1").selectOption("RAMAN");
		take.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save on this device")).click();
		assertTiedToItsError(take.getByLabel("Confidence of component 1"));
		assertThat(take.getByLabel("Confidence of component 1")).isFocused();
		assertThat(take.getByLabel("Method of component 1")).not().hasAttribute("aria-invalid", "true");

		// Corrected, the mark goes and the sample is kept.
		take.getByLabel("Confidence of component 1").selectOption("CONFIRMED");
		take.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save on this device")).click();
		assertThat(take.locator(".govuk-error-message")).hasCount(0);
		assertThat(take.getByLabel("Confidence of component 1")).not().hasAttribute("aria-invalid", "true");
		assertAccessible();
	}

	private void assertTiedToItsError(Locator field) {
		assertThat(field).hasAttribute("aria-invalid", "true");
		var describedBy = field.getAttribute("aria-describedby");
		assertThat(describedBy).as("aria-describedby of the field").isNotNull();
		var errorId = java.util.Arrays.stream(describedBy.split(" "))
			.filter(id -> id.endsWith("-error"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("aria-describedby names no error: " + describedBy));
		var error = page.locator("[id='" + errorId + "']");
		assertThat(error).isVisible();
		assertThat(error).hasClass(java.util.regex.Pattern.compile("govuk-error-message"));
		assertThat(error).not().hasText("");
	}

	private void assertSummaryLinksTo(String id) {
		assertThat(page.locator(".govuk-error-summary a[href='#" + id + "']")).hasCount(1);
	}

	private static final String WIDER_THAN_VIEWPORT = """
			[...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
				.slice(0, 8)
				.map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
				.join('; ')
			""";

}
