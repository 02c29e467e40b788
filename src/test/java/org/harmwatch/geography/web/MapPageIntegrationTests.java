package org.harmwatch.geography.web;

import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public map page: it renders for everyone, says what it shows in text too, and needs
 * nothing from the internet.
 */
@HarmwatchIntegrationTest
class MapPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	String page(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("'%s' in the page", start).isNotNegative();
		int to = text.indexOf(end, from);
		assertThat(to).as("'%s' after '%s'", end, start).isPositive();
		return text.substring(from, to + end.length());
	}

	@Test
	void rendersTheMapWithATextAlternative() throws Exception {
		var html = page("/map");
		assertThat(html).contains("<h1 class=\"govuk-heading-l\">Map of the areas covered</h1>");

		var map = between(html, "<div id=\"map\"", ">");
		assertThat(map).contains("role=\"region\"")
			.contains("aria-label=\"Map of the areas covered.")
			.contains("data-api=\"/api/areas/\"")
			.as("no tile server by default: the map works with no internet")
			.doesNotContainPattern("data-tile-url=\"[^\"]")
			.contains("data-layer-ward=\"Wards (May 2024)\"")
			.contains("data-layer-lsoa=\"LSOAs (2021)\"")
			.contains("data-layer-deprivation=\"Deprivation of LSOAs (IMD 2025)\"")
			.contains("data-loaded-layers=\"\"")
			.containsPattern("data-bounds=\"52\\.\\d+,-2\\.\\d+,52\\.\\d+,-1\\.\\d+\"");

		var table = between(html, "<table class=\"govuk-table\" id=\"lad-table\">", "</table>");
		assertThat(table).contains(
				"<caption class=\"govuk-table__caption govuk-table__caption--m\">Local authorities covered</caption>");
		assertThat(Pattern.compile("<th scope=\"row\"").matcher(table).results().count()).isEqualTo(7);
		var birmingham = between(table, ">Birmingham</th>", "</tr>");
		assertThat(birmingham).contains("E08000025", "1,183,618", "mid-2024", ">69<", ">659<");
		assertThat(table).contains("Wards (May 2024)", "LSOAs (2021)", "most deprived tenth of England (IMD 2025)");
		assertThat(table).contains(">Coventry</th>", ">Wolverhampton</th>");

		// Scripts and styles come from this server only: the CSP forbids inline script
		// and style.
		assertThat(html).containsPattern("<script src=\"/webjars/leaflet/[0-9.]+/dist/leaflet.js\"></script>")
			.contains("<script type=\"module\" src=\"/js/map.js\"></script>")
			.containsPattern("href=\"/webjars/leaflet/[0-9.]+/dist/leaflet.css\"")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
			.doesNotContainPattern("\\sstyle=\"")
			.doesNotContain("<style")
			.contains("href=\"/api/areas/lsoa\"")
			.doesNotContain("??");
	}

	@Test
	void offersTheMapInTheNavigationToEveryone() throws Exception {
		var navigation = between(page("/"), "<ul class=\"govuk-service-navigation__list\"", "</ul>");
		assertThat(navigation).contains("href=\"/map\"");
	}

	@Test
	void servesTheMapScriptAndLeaflet() throws Exception {
		mvc.perform(get("/js/map.js")).andExpect(status().isOk());
		mvc.perform(get("/css/geography.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/leaflet/dist/leaflet.css")).andExpect(status().isOk());
	}

}
