package org.harmwatch.geography.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.web.MapFrame;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public map of the areas covered, with a table of the local authorities as its text
 * alternative.
 */
@Controller
class MapController {

	/** One row of the table under the map. */
	record LadRow(String code, String name, @Nullable Integer population, @Nullable Integer populationYear, int wards,
			int msoas, int lsoas, int mostDeprivedLsoas) {
	}

	private final GeographyManagement geography;

	private final MapProperties map;

	MapController(GeographyManagement geography, MapProperties map) {
		this.geography = geography;
		this.map = map;
	}

	@GetMapping("/map")
	@PublicEndpoint("The map shows published boundaries and figures; the landing page and footer link to it for everyone.")
	String map(Model model) {
		var rows = geography.areas(AreaLevel.LAD)
			.stream()
			.sorted(Comparator.comparing(Area::name))
			.map(lad -> new LadRow(lad.code(), lad.name(), lad.population(), lad.populationYear(),
					geography.areas(AreaLevel.WARD, lad.code()).size(),
					geography.areas(AreaLevel.MSOA, lad.code()).size(),
					geography.areas(AreaLevel.LSOA, lad.code()).size(),
					(int) geography.areas(AreaLevel.LSOA, lad.code())
						.stream()
						.filter(lsoa -> lsoa.imdDecile() != null && lsoa.imdDecile() == 1)
						.count()))
			.toList();
		var vintages = new EnumMap<AreaLevel, String>(AreaLevel.class);
		for (var level : AreaLevel.values()) {
			vintages.put(level, geography.vintage(level));
		}
		model.addAttribute("lads", rows);
		model.addAttribute("levels", List.of(AreaLevel.values()));
		model.addAttribute("vintages", vintages);
		var edition = geography.deprivationEdition();
		model.addAttribute("deprivationEdition", edition.isEmpty() ? "IMD" : edition);
		model.addAttribute("mapRegion", geography.regionName());
		MapFrame.addTo(model, map, geography.attribution(), geography.bounds());
		return "geography/map";
	}

}
