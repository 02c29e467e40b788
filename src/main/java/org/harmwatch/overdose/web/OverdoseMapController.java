package org.harmwatch.overdose.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.IncidentMap;
import org.harmwatch.overdose.MapFilter;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.MapFrame;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceClass;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The ODMAP-like live map of incidents and their epidemic curve: the page (filters, map,
 * the curve as SVG, and tables as the text alternative), and the same data as JSON for
 * the map's script. Points only for readers {@code OverdosePolicy} lets see them; counts
 * per ward or LSOA for everyone who may read incidents.
 */
@Controller
class OverdoseMapController {

	static final String FORM = "mapForm";

	/**
	 * The map's data: points as one flat array of integers, latitude × 100,000, longitude
	 * × 100,000 (about a metre) and fatal (1 or 0) for each, so that 50,000 of them stay
	 * a small download that parses quickly.
	 */
	record MapData(LocalDate from, LocalDate to, String level, String vintage, long total, long fatal, long unplaced,
			boolean pointsShown, int[] points, List<IncidentMap.AreaCount> areas, List<IncidentMap.Bar> curve,
			List<IncidentMap.DayHours> hours) {
	}

	private final OverdoseManagement overdoses;

	private final GeographyManagement geography;

	private final RegionSettings region;

	private final MapProperties mapProperties;

	private final Clock clock;

	OverdoseMapController(OverdoseManagement overdoses, GeographyManagement geography, RegionSettings region,
			MapProperties mapProperties, Clock clock) {
		this.overdoses = overdoses;
		this.geography = geography;
		this.region = region;
		this.mapProperties = mapProperties;
		this.clock = clock;
	}

	@GetMapping("/overdose/map")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	String page(@ModelAttribute(FORM) MapForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var districts = districts();
		IncidentMap map = null;
		try {
			map = overdoses.map(form.filter(LocalDate.now(clock.withZone(region.timeZone())), districts.keySet()),
					user);
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		model.addAttribute("map", map);
		model.addAttribute("chart", map == null ? null : CurveChart.of(map));
		model.addAttribute("chartWidth", CurveChart.WIDTH);
		model.addAttribute("chartHeight", CurveChart.HEIGHT);
		model.addAttribute("districts", districts);
		model.addAttribute("classes", IncidentController.options(SubstanceClass.values(), "substances.class."));
		var fatalOptions = new LinkedHashMap<String, String>();
		fatalOptions.put("true", "overdose.list.fatal.true");
		fatalOptions.put("false", "overdose.list.fatal.false");
		model.addAttribute("fatalOptions", fatalOptions);
		var levels = new LinkedHashMap<String, String>();
		levels.put("ward", "overdose.map.level.ward");
		levels.put("lsoa", "overdose.map.level.lsoa");
		model.addAttribute("levels", levels);
		var intervals = new LinkedHashMap<String, String>();
		intervals.put("DAY", "overdose.map.interval.DAY");
		intervals.put("WEEK", "overdose.map.interval.WEEK");
		model.addAttribute("intervals", intervals);
		model.addAttribute("wardVintage", geography.vintage(AreaLevel.WARD));
		model.addAttribute("lsoaVintage", geography.vintage(AreaLevel.LSOA));
		model.addAttribute("mapRegion", geography.regionName());
		MapFrame.addTo(model, mapProperties, geography.attribution(), geography.bounds());
		return "overdose/map";
	}

	@GetMapping("/api/overdose/map")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	ResponseEntity<MapData> data(@ModelAttribute MapForm form, @AuthenticationPrincipal HarmwatchUser user) {
		var filter = form.filter(LocalDate.now(clock.withZone(region.timeZone())), districts().keySet());
		var map = overdoses.map(filter, user);
		var points = new int[map.points().size() * 3];
		int i = 0;
		for (var p : map.points()) {
			points[i++] = (int) Math.round(p.lat() * 100_000);
			points[i++] = (int) Math.round(p.lon() * 100_000);
			points[i++] = p.fatal() ? 1 : 0;
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new MapData(filter.from(), filter.to(), filter.level().urlName(), map.vintage(), map.total(),
					map.fatal(), map.unplaced(), points.length > 0, points, map.areas(), map.curve(), map.hours()));
	}

	private Map<String, String> districts() {
		var districts = new LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(area -> districts.put(area.code(), area.name()));
		return districts;
	}

}
