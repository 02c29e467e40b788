package org.harmwatch.awareness.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.awareness.AwarenessManagement;
import org.harmwatch.awareness.EventKind;
import org.harmwatch.awareness.Picture;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.platform.web.MapFrame;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceClass;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The situational-awareness page: the filter, the map (drawn by {@code awareness-map.js}
 * from {@code /api/awareness}), the epidemic curve as SVG with its table, and the events,
 * hotspots and areas as tables, which are the keyboard and screen-reader alternative to
 * the map.
 */
@Controller
class AwarenessController {

	static final String FORM = "awarenessForm";

	/** Events on one page of the list. */
	static final int PAGE_SIZE = 50;

	/** The curve's drawing width and height, in SVG units. */
	static final int WIDTH = 600;

	static final int HEIGHT = 160;

	/** One bar's coloured parts, bottom up. */
	record Bar(double x, double width, List<Part> parts) {
	}

	record Part(EventKind kind, double y, double height) {
	}

	private final AwarenessManagement awareness;

	private final GeographyManagement geography;

	private final MapProperties mapProperties;

	AwarenessController(AwarenessManagement awareness, GeographyManagement geography, MapProperties mapProperties) {
		this.awareness = awareness;
		this.geography = geography;
		this.mapProperties = mapProperties;
	}

	@GetMapping("/awareness")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.READ, orCapability = Capability.OVERDOSE,
			orAction = Action.READ)
	String page(@ModelAttribute(FORM) AwarenessForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var districts = awareness.districts();
		Picture picture = null;
		try {
			picture = awareness.picture(form.filter(awareness.today(), districts.keySet()), user);
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		model.addAttribute("picture", picture);
		if (picture != null) {
			int pages = Math.max(1, (picture.events().size() + PAGE_SIZE - 1) / PAGE_SIZE);
			int page = Math.min(form.pageNumber(), pages);
			model.addAttribute("events", picture.events()
				.subList((page - 1) * PAGE_SIZE, Math.min(picture.events().size(), page * PAGE_SIZE)));
			model.addAttribute("page", page);
			model.addAttribute("pages", pages);
			model.addAttribute("bars", bars(picture));
			model.addAttribute("hotAreas",
					picture.hotspots() == null ? List.of()
							: picture.hotspots()
								.areas()
								.stream()
								.filter(a -> a.hotspot().name().equals("HOT") || a.hotspot().name().equals("COLD"))
								.sorted((a, b) -> Double.compare(b.z(), a.z()))
								.toList());
		}
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("chartWidth", WIDTH);
		model.addAttribute("chartHeight", HEIGHT);
		model.addAttribute("districts", districts);
		model.addAttribute("classes", classes());
		var levels = new LinkedHashMap<String, String>();
		levels.put("ward", "awareness.level.ward");
		levels.put("lsoa", "awareness.level.lsoa");
		model.addAttribute("levels", levels);
		MapFrame.addTo(model, mapProperties, geography.attribution(), geography.bounds());
		return "awareness/map";
	}

	/**
	 * The vocabulary's classes in tree order, each under its parent, as option labels
	 * (message codes).
	 */
	static Map<String, String> classes() {
		var options = new LinkedHashMap<String, String>();
		for (var root : SubstanceClass.values()) {
			if (root.parent() == null) {
				addWithChildren(root, options);
			}
		}
		return options;
	}

	private static void addWithChildren(SubstanceClass parent, Map<String, String> options) {
		options.put(parent.name(), "awareness.class." + parent.name());
		for (var child : SubstanceClass.values()) {
			if (child.parent() == parent) {
				addWithChildren(child, options);
			}
		}
	}

	static List<Bar> bars(Picture picture) {
		var bars = new ArrayList<Bar>();
		double width = (double) WIDTH / picture.curve().size();
		double highest = picture.highestDay();
		for (int i = 0; i < picture.curve().size(); i++) {
			var day = picture.curve().get(i);
			var parts = new ArrayList<Part>();
			double top = HEIGHT;
			for (var kind : EventKind.values()) {
				long n = day.counts().get(kind.ordinal());
				if (n > 0) {
					double h = n / highest * HEIGHT;
					top -= h;
					parts.add(new Part(kind, round(top), round(h)));
				}
			}
			bars.add(new Bar(round(i * width), round(Math.max(width * 0.8, 0.5)), parts));
		}
		return bars;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
