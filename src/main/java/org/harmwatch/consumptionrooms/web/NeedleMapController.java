package org.harmwatch.consumptionrooms.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

import org.harmwatch.consumptionrooms.NeedleMaps;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Needle finds on maps: the staff map (by year, heatmap, Gi* hotspots) and the public map
 * of wards with counts under 5 withheld, with its CSV download drawn from the same
 * figures.
 */
@Controller
class NeedleMapController {

	private final NeedleMaps maps;

	NeedleMapController(NeedleMaps maps) {
		this.maps = maps;
	}

	@GetMapping("/needles/maps")
	@RequiresAnyOf(capability = Capability.PROGRAMME, action = Action.READ, orCapability = Capability.CONSUMPTION_ROOMS,
			orAction = Action.READ)
	String staff(@RequestParam(name = "year", required = false) @Nullable String year,
			@RequestParam(name = "lad", required = false) @Nullable String lad, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int chosen = year(year);
		var ladCode = lad(lad);
		var map = maps.staffMap(chosen, ladCode, user);
		model.addAttribute("map", map);
		model.addAttribute("districts", maps.districts());
		model.addAttribute("cells", cells(map));
		model.addAttribute("bounds", maps.bounds(ladCode));
		model.addAttribute("hotCodes",
				map.hot().stream().map(h -> "\"" + h.code() + "\"").collect(Collectors.joining(",", "[", "]")));
		model.addAttribute("highestYear",
				Math.max(1, map.byYear().stream().mapToLong(NeedleMaps.YearCount::finds).max().orElse(0)));
		return "consumptionrooms/needleMaps";
	}

	@GetMapping("/needles/public-map")
	@PublicEndpoint("Needle finds per ward by year, counts under 5 withheld; no point, heatmap or total")
	String publicMap(@RequestParam(name = "year", required = false) @Nullable String year, Model model) {
		var map = maps.publicMap(year(year));
		model.addAttribute("map", map);
		model.addAttribute("threshold", NeedleMaps.SUPPRESS_UNDER);
		model.addAttribute("bounds", maps.bounds(null));
		var counts = new StringBuilder("{");
		for (var area : map.areas()) {
			if (counts.length() > 1) {
				counts.append(',');
			}
			counts.append('"').append(area.code()).append("\":").append(area.finds() == null ? "null" : area.finds());
		}
		model.addAttribute("counts", counts.append('}').toString());
		return "consumptionrooms/needlePublicMap";
	}

	@GetMapping("/needles/public-map.csv")
	@PublicEndpoint("The public needle map's figures as CSV: wards, counts under 5 withheld")
	ResponseEntity<String> publicCsv(@RequestParam(name = "year", required = false) @Nullable String year) {
		var map = maps.publicMap(year(year));
		var out = new StringWriter();
		var csv = new CsvWriter(out);
		csv.row("year", "ward_code", "ward_name", "lad_name", "finds", "withheld");
		for (var area : map.areas()) {
			csv.row(String.valueOf(map.year()), area.code(), area.name(), area.ladName(), area.finds(),
					area.withheld());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"needle-finds-" + map.year() + ".csv\"")
			.body(out.toString());
	}

	private int year(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return maps.thisYear();
		}
		var value = text.strip();
		if (value.matches("\\d{4}")) {
			return Integer.parseInt(value);
		}
		throw new InputRejectedException(
				FieldProblem.of("year", "consumptionrooms.maps.year.range", NeedleMaps.FIRST_YEAR, maps.thisYear()));
	}

	static @Nullable String lad(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var value = text.strip().toUpperCase(Locale.ROOT);
		if (!value.matches("[A-Z]\\d{8}")) {
			throw new InputRejectedException(FieldProblem.of("lad", "consumptionrooms.maps.lad.unknown"));
		}
		return value;
	}

	/**
	 * The heatmap's cells as compact JSON for the map script: [south, west, north, east,
	 * per km²].
	 */
	private static String cells(NeedleMaps.StaffMap map) {
		var json = new StringBuilder("[");
		for (var cell : map.cells()) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(String.format(Locale.ROOT, "[%.5f,%.5f,%.5f,%.5f,%.1f]", cell.south(), cell.west(),
					cell.north(), cell.east(), cell.perKm2()));
		}
		return json.append(']').toString();
	}

}
