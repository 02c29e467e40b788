package org.harmwatch.platform.web;

import java.util.Locale;
import java.util.Optional;

import org.harmwatch.platform.MapProperties;
import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

/**
 * What every page with a map puts in its model for the map script and the map fragment:
 * the box the map opens on ({@code bounds}, "south,west,north,east" or empty), the base
 * tiles and their attribution ({@code tileUrl}, {@code tileAttribution}) and the
 * attribution the area data's licences require ({@code attribution}). One place, so the
 * map pages agree.
 */
@NamedInterface("forms")
public final class MapFrame {

	/** A box on the map in degrees, as the geography gives its region's bounds. */
	public interface Box {

		double south();

		double west();

		double north();

		double east();

	}

	private MapFrame() {
	}

	/** Puts the map's bounds, tiles and attributions into the page's model. */
	public static void addTo(Model model, MapProperties tiles, String attribution, Optional<? extends Box> bounds) {
		model.addAttribute("attribution", attribution);
		model.addAttribute("bounds", bounds.map(MapFrame::text).orElse(""));
		model.addAttribute("tileUrl", tiles.tileUrl());
		model.addAttribute("tileAttribution", tiles.tileAttribution());
	}

	/** The box as the map script reads it: "south,west,north,east", six decimals. */
	static String text(Box box) {
		return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", box.south(), box.west(), box.north(), box.east());
	}

}
