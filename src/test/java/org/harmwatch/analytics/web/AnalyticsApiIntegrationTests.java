package org.harmwatch.analytics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics API on the real region: hotspots over real LSOAs, a heatmap, alarms and a
 * scan, and the errors that name what to fix.
 */
@HarmwatchIntegrationTest
class AnalyticsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	GeographyManagement geography;

	@Autowired
	ObjectMapper json;

	ResultActions postAs(String username, String path, Object body) throws Exception {
		return mvc.perform(post(path).with(user(users.loadUserByUsername(username)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	@Test
	void findsTheHotspotPlantedAmongBirminghamsLsoas() throws Exception {
		var lsoas = geography.areas(AreaLevel.LSOA, "E08000025");
		var centre = lsoas.get(lsoas.size() / 2).code();
		var cluster = new HashSet<>(geography.neighbours(centre));
		cluster.add(centre);
		var values = new LinkedHashMap<String, Double>();
		var random = new Random(7);
		for (Area lsoa : lsoas) {
			values.put(lsoa.code(),
					cluster.contains(lsoa.code()) ? 40.0 + random.nextInt(5) : (double) random.nextInt(4));
		}
		var body = Map.of("level", "lsoa", "lad", "E08000025", "values", values);
		var response = postAs("coordinator", "/api/analytics/hotspots", body).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.features.length()").value(lsoas.size()))
			.andExpect(jsonPath("$.summary.significance").value("NORMAL_FDR"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var features = json.readTree(response).get("features");
		JsonNode planted = null;
		int hot = 0;
		for (var feature : features) {
			var properties = feature.get("properties");
			if (properties.get("class").asString().equals("HOT")) {
				hot++;
			}
			if (properties.get("code").asString().equals(centre)) {
				planted = feature;
			}
		}
		assertThat(planted).isNotNull();
		assertThat(planted.get("properties").get("class").asString()).isEqualTo("HOT");
		assertThat(planted.get("properties").get("z").asDouble()).isGreaterThan(3);
		assertThat(planted.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(hot).isBetween(1, cluster.size() * 4);
	}

	@Test
	void namesTheFieldWhenAHotspotRequestIsWrong() throws Exception {
		postAs("coordinator", "/api/analytics/hotspots", Map.of("level", "county", "values", Map.of()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("level"));
		postAs("coordinator", "/api/analytics/hotspots", Map.of("level", "lad", "values", Map.of("E09000001", 3)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values"))
			.andExpect(jsonPath("$.detail", containsString("E09000001")));
		postAs("coordinator", "/api/analytics/hotspots", Map.of("level", "lad", "values", Map.of(), "alpha", 2))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("alpha"));
	}

	@Test
	void aHeatmapPeaksWhereThePointsAre() throws Exception {
		var points = new ArrayList<Map<String, Object>>();
		var random = new Random(11);
		for (int i = 0; i < 60; i++) {
			points.add(Map.of("lat", 52.4797 + random.nextGaussian() * 0.002, "lon",
					-1.9027 + random.nextGaussian() * 0.003));
		}
		var bounds = Map.of("south", 52.40, "west", -2.00, "north", 52.56, "east", -1.80);
		var response = postAs("commissioner", "/api/analytics/heatmap",
				Map.of("points", points, "bandwidthMetres", 800, "cellMetres", 200, "bounds", bounds))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kernel").value("QUARTIC"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var grid = json.readTree(response);
		int columns = grid.get("columns").asInt();
		int rows = grid.get("rows").asInt();
		var values = grid.get("values");
		assertThat(values.size()).isEqualTo(columns * rows);
		int best = 0;
		for (int i = 1; i < values.size(); i++) {
			if (values.get(i).asDouble() > values.get(best).asDouble()) {
				best = i;
			}
		}
		double cellLat = (grid.get("bounds").get("north").asDouble() - grid.get("bounds").get("south").asDouble())
				/ rows;
		double cellLon = (grid.get("bounds").get("east").asDouble() - grid.get("bounds").get("west").asDouble())
				/ columns;
		double peakLat = grid.get("bounds").get("south").asDouble() + (best / columns + 0.5) * cellLat;
		double peakLon = grid.get("bounds").get("west").asDouble() + (best % columns + 0.5) * cellLon;
		assertThat(peakLat).isCloseTo(52.4797, org.assertj.core.data.Offset.offset(0.004));
		assertThat(peakLon).isCloseTo(-1.9027, org.assertj.core.data.Offset.offset(0.006));
		// 60 events smoothed over the plane: the grid holds nearly all of them (per km²
		// times km² per cell).
		double total = 0;
		for (var value : values) {
			total += value.asDouble() * 0.04;
		}
		assertThat(total).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));

		postAs("commissioner", "/api/analytics/heatmap", Map.of("points", points, "cellMetres", 200))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bandwidthMetres"));
		postAs("commissioner", "/api/analytics/heatmap",
				Map.of("points", points, "bandwidthMetres", 500, "cellMetres", 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cellMetres"));
	}

	@Test
	void aHeatmapIsBoundedByItsWorkNotOnlyByItsSize() throws Exception {
		// 2,000 points on about 925,000 cells of 70 m, each point reaching every cell
		// with a 50 km bandwidth: some 1.8
		// billion kernel evaluations, seconds of CPU for one request.
		var points = new ArrayList<Map<String, Object>>();
		var random = new Random(7);
		for (int i = 0; i < 2000; i++) {
			points.add(Map.of("lat", 52.3 + random.nextDouble() * 0.4, "lon", -2.3 + random.nextDouble() * 0.8));
		}
		var bounds = Map.of("south", 52.2, "west", -2.4, "north", 52.8, "east", -1.4);
		postAs("commissioner", "/api/analytics/heatmap",
				Map.of("points", points, "bandwidthMetres", 50_000, "cellMetres", 70, "bounds", bounds))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("points"))
			.andExpect(jsonPath("$.errors[0].message", containsString("at most 200,000,000 are allowed")))
			.andExpect(jsonPath("$.errors[0].message", containsString("2,000 points")));
		// The same points and bandwidth on cells of 500 m are 36 million evaluations:
		// answered.
		postAs("commissioner", "/api/analytics/heatmap",
				Map.of("points", points, "bandwidthMetres", 50_000, "cellMetres", 500, "bounds", bounds))
			.andExpect(status().isOk());
		// Bounds that are not on the Earth are refused, not a failure.
		postAs("commissioner", "/api/analytics/heatmap",
				Map.of("points", points.subList(0, 5), "bandwidthMetres", 500, "cellMetres", 500, "bounds",
						Map.of("south", -1e300, "west", -2.4, "north", 1e300, "east", -1.4)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bounds"));
	}

	@Test
	void earsRaisesTheAlarmOnTheDayOfTheSpike() throws Exception {
		var counts = new ArrayList<Integer>();
		var random = new Random(3);
		for (int day = 0; day < 60; day++) {
			counts.add(day == 50 ? 45 : 10 + random.nextInt(3));
		}
		var response = postAs("coordinator", "/api/analytics/alarms",
				Map.of("firstDay", "2026-09-01", "counts", counts, "method", "EARS_C2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(60))
			.andExpect(jsonPath("$.days[0].statistic").doesNotExist())
			.andExpect(jsonPath("$.days[50].date").value(LocalDate.of(2026, 9, 1).plusDays(50).toString()))
			.andExpect(jsonPath("$.days[50].alarm").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readTree(response).get("alarms").asInt()).isBetween(1, 3);

		postAs("coordinator", "/api/analytics/alarms", Map.of("firstDay", "2026-09-01", "counts", List.of(1, 2, 3)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("counts"));
	}

	@Test
	void theScanFindsAClusterOfWardsInTheLastDays() throws Exception {
		var wards = geography.areas(AreaLevel.WARD);
		var centre = geography.lookup(52.4797, -1.9027).orElseThrow().ward().code();
		var cluster = new HashSet<>(geography.neighbours(centre));
		cluster.add(centre);
		var first = LocalDate.of(2026, 9, 1);
		var cases = new ArrayList<Map<String, Object>>();
		var random = new Random(5);
		for (var ward : wards) {
			for (int day = 0; day < 56; day++) {
				int count = random.nextDouble() < 0.15 ? 1 : 0;
				if (cluster.contains(ward.code()) && day >= 51) {
					count += 3;
				}
				if (count > 0) {
					cases.add(Map.of("area", ward.code(), "day", first.plusDays(day).toString(), "count", count));
				}
			}
		}
		var response = postAs("coordinator", "/api/analytics/scan",
				Map.of("level", "ward", "cases", cases, "maxDays", 14, "maxShareOfLocations", 0.1, "replications", 199))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var top = json.readTree(response).get("results").get(0);
		assertThat(top.get("rank").asInt()).isEqualTo(1);
		assertThat(cluster).contains(top.get("centreCode").asString());
		assertThat(top.get("pValue").asDouble()).isLessThanOrEqualTo(0.01);
		assertThat(LocalDate.parse(top.get("end").asString())).isEqualTo(first.plusDays(55));
	}

	/** A 6 x 6 grid of points about 1 km apart around Birmingham, ids P0..P35. */
	static List<Map<String, Object>> gridPoints() {
		var points = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 36; i++) {
			points.add(Map.of("id", "P" + i, "lat", 52.45 + (i / 6) * 0.009, "lon", -1.95 + (i % 6) * 0.015));
		}
		return points;
	}

	@Test
	void scansPlacesTheRequestSuppliesWithACaseShareAndAClusterCount() throws Exception {
		var first = LocalDate.of(2026, 6, 1);
		var cases = new ArrayList<Map<String, Object>>();
		var random = new Random(9);
		// P0, P1, P6, P7: the south-west corner, busy in the last five days
		var planted = Set.of("P0", "P1", "P6", "P7");
		for (int i = 0; i < 36; i++) {
			for (int day = 0; day < 60; day++) {
				int count = random.nextDouble() < 0.3 ? 1 : 0;
				if (planted.contains("P" + i) && day >= 55) {
					count += 3;
				}
				if (count > 0) {
					cases.add(Map.of("area", "P" + i, "day", first.plusDays(day).toString(), "count", count));
				}
			}
		}
		var body = new HashMap<String, Object>(Map.of("locations", gridPoints(), "cases", cases, "maxDays", 10,
				"maxShareOfCases", 0.5, "maxClusters", 3, "replications", 99, "reportPValueOne", true));
		var response = postAs("coordinator", "/api/analytics/scan", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.clusters").value(3))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var top = json.readTree(response).get("results").get(0);
		assertThat(planted).contains(top.get("centreCode").asString());
		assertThat(top.get("centreName").asString()).isEqualTo(top.get("centreCode").asString());
		assertThat(top.get("pValue").asDouble()).isLessThanOrEqualTo(0.01);
		assertThat(LocalDate.parse(top.get("end").asString())).isEqualTo(first.plusDays(59));

		body.put("maxClusters", 1);
		postAs("coordinator", "/api/analytics/scan", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.clusters").value(1));
		// the older rule is an option and finds the same most likely cluster
		body.put("secondaryClusters", "NO_GEOGRAPHICAL_OVERLAP");
		postAs("coordinator", "/api/analytics/scan", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].centreCode").value(top.get("centreCode").asString()));

		var unknown = new HashMap<String, Object>(body);
		unknown.put("cases", List.of(Map.of("area", "P99", "day", "2026-06-01", "count", 1)));
		postAs("coordinator", "/api/analytics/scan", unknown).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cases[0].area"));
		var twice = new HashMap<String, Object>(body);
		var points = new ArrayList<>(gridPoints());
		points.add(Map.of("id", "P3", "lat", 52.5, "lon", -1.9));
		twice.put("locations", points);
		postAs("coordinator", "/api/analytics/scan", twice).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("locations[36].id"));
		var tooBig = new HashMap<String, Object>(body);
		tooBig.put("maxShareOfCases", 0.9);
		tooBig.put("maxShareOfLocations", 0.8);
		postAs("coordinator", "/api/analytics/scan", tooBig).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("maxShareOfCases"));
		var noClusters = new HashMap<String, Object>(body);
		noClusters.put("maxClusters", 0);
		postAs("coordinator", "/api/analytics/scan", noClusters).andExpect(status().isBadRequest());
	}

	@Test
	void findsHotspotsAmongPointsTheRequestSupplies() throws Exception {
		var values = new HashMap<String, Double>();
		for (int i = 0; i < 36; i++) {
			// the north-east corner high
			values.put("P" + i, i / 6 >= 4 && i % 6 >= 4 ? 50.0 : (double) (i % 3));
		}
		var body = new HashMap<String, Object>(Map.of("locations", gridPoints(), "values", values, "k", 4));
		var response = postAs("coordinator", "/api/analytics/hotspots", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.features.length()").value(36))
			.andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
			.andExpect(jsonPath("$.summary.level").value("supplied"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var hot = new HashSet<String>();
		for (var feature : json.readTree(response).get("features")) {
			if (feature.get("properties").get("class").asString().equals("HOT")) {
				hot.add(feature.get("properties").get("code").asString());
			}
		}
		assertThat(hot).isNotEmpty()
			.allSatisfy(code -> assertThat(Integer.parseInt(code.substring(1)) / 6).isGreaterThanOrEqualTo(3));

		body.put("weights", "CONTIGUITY");
		postAs("coordinator", "/api/analytics/hotspots", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("weights"));
		body.put("weights", "K_NEAREST");
		body.put("values", Map.of("nowhere", 3.0));
		postAs("coordinator", "/api/analytics/hotspots", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values"));
	}

	@Test
	void farringtonTakesEveryVariantBAndUnit() throws Exception {
		// two years of daily counts (from a Monday), a spike in the last week
		var first = LocalDate.of(2024, 9, 2);
		var counts = new ArrayList<Integer>();
		var random = new Random(4);
		for (int day = 0; day < 735; day++) {
			counts.add(day >= 728 ? 25 : 5 + random.nextInt(4));
		}
		for (var settings : List.<Map<String, Object>>of(Map.of("variant", "ORIGINAL", "b", 1),
				Map.of("variant", "NOUFAILY", "b", 1, "thresholdMethod", "NB_PLUGIN", "noPeriods", 4),
				Map.of("variant", "ORIGINAL", "b", 1, "powerTransform", "HALF", "trend", false, "alpha", 0.01))) {
			postAs("coordinator", "/api/analytics/alarms",
					Map.of("firstDay", first.toString(), "counts", counts, "method", "FARRINGTON", "farrington",
							settings))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.days.length()").value(105))
				.andExpect(jsonPath("$.days[104].alarm").value(true))
				.andExpect(jsonPath("$.days[0].threshold").doesNotExist());
		}
		// daily: the last 366 days are evaluated, the spike days alarm
		postAs("coordinator", "/api/analytics/alarms",
				Map.of("firstDay", first.toString(), "counts", counts, "method", "FARRINGTON", "farrington",
						Map.of("variant", "ORIGINAL", "unit", "DAY", "b", 1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(735))
			.andExpect(jsonPath("$.days[368].threshold").doesNotExist())
			.andExpect(jsonPath("$.days[369].threshold").exists())
			.andExpect(jsonPath("$.days[734].alarm").value(true));

		postAs("coordinator", "/api/analytics/alarms",
				Map.of("firstDay", first.toString(), "counts", counts, "method", "FARRINGTON", "farrington",
						Map.of("b", 3)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("counts"));
		postAs("coordinator", "/api/analytics/alarms",
				Map.of("firstDay", first.toString(), "counts", counts, "method", "FARRINGTON", "farrington",
						Map.of("unit", "MONTH", "b", 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("farrington.unit"));
		postAs("coordinator", "/api/analytics/alarms", Map.of("firstDay", first.toString(), "counts", counts, "method",
				"FARRINGTON", "farrington", Map.of("b", 0)))
			.andExpect(status().isBadRequest());
	}

}
