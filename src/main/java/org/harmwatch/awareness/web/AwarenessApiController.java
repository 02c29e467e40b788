package org.harmwatch.awareness.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.harmwatch.analytics.AreaHotspot;
import org.harmwatch.awareness.AwarenessManagement;
import org.harmwatch.awareness.EventKind;
import org.harmwatch.awareness.Picture;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The situational-awareness map's data, compact so that 50,000 events stay a small,
 * quickly parsed download: points as one flat array of integers, the curve as one row of
 * counts per day, the heatmap as one byte per cell.
 */
@RestController
class AwarenessApiController {

	/**
	 * The map's data.
	 *
	 * @param kinds the event kinds, in the order {@code points} and {@code curve} number
	 * them
	 * @param points latitude × 100,000, longitude × 100,000, kind; again for each point
	 * @param curve from {@code from}, one row per day of counts by kind
	 * @param hotspots the hot and cold areas only
	 */
	record Data(LocalDate from, LocalDate to, String level, String vintage, List<String> kinds, Picture.Layers layers,
			int[] points, long overdoses, long events, List<long[]> curve, List<Hotspot> hotspots,
			@Nullable Heat heatmap, List<String> limits) {
	}

	/** A significant area: its code, its z-score to two places, HOT or COLD. */
	record Hotspot(String code, String name, double z, String kind) {
	}

	/**
	 * The heatmap: {@code values} row-major from the south-west corner, each 0–255 of
	 * {@code max} events per km².
	 */
	record Heat(double south, double west, double north, double east, int columns, int rows, double max, int[] values) {
	}

	private final AwarenessManagement awareness;

	AwarenessApiController(AwarenessManagement awareness) {
		this.awareness = awareness;
	}

	@GetMapping("/api/awareness")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.READ, orCapability = Capability.OVERDOSE,
			orAction = Action.READ)
	ResponseEntity<Data> data(@ModelAttribute AwarenessForm form, @AuthenticationPrincipal HarmwatchUser user) {
		var filter = form.filter(awareness.today(), awareness.districts().keySet());
		var picture = awareness.picture(filter, user);
		var curve = new ArrayList<long[]>();
		for (var day : picture.curve()) {
			curve.add(day.counts().stream().mapToLong(Long::longValue).toArray());
		}
		var hotspots = new ArrayList<Hotspot>();
		if (picture.hotspots() != null) {
			for (AreaHotspot area : picture.hotspots().areas()) {
				var kind = area.hotspot().name();
				if (kind.equals("HOT") || kind.equals("COLD")) {
					hotspots.add(new Hotspot(area.code(), area.name(), Math.round(area.z() * 100) / 100.0, kind));
				}
			}
		}
		Heat heat = null;
		var heatmap = picture.heatmap();
		if (heatmap != null) {
			var values = new int[heatmap.perKm2().length];
			double max = heatmap.max() > 0 ? heatmap.max() : 1;
			for (int i = 0; i < values.length; i++) {
				values[i] = (int) Math.round(heatmap.perKm2()[i] / max * 255);
			}
			var b = heatmap.bounds();
			heat = new Heat(b.south(), b.west(), b.north(), b.east(), heatmap.columns(), heatmap.rows(),
					Math.round(heatmap.max() * 100) / 100.0, values);
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Data(filter.from(), filter.to(), filter.level().urlName(), picture.vintage(),
					Arrays.stream(EventKind.values()).map(Enum::name).toList(), picture.layers(), picture.points(),
					picture.overdoses(), picture.events().size(), curve, hotspots, heat, picture.limits()));
	}

}
