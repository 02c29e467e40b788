package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.internal.alerts.AlertFeeds;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public face of early warning: current public alerts with a map, each alert's page
 * and CAP 1.2 document, and the Atom feeds (alerts, and the CAP index) that other regions
 * and national bodies poll. Only issued alerts for the public are shown; exercises and
 * alerts for professionals only are never here (404, as if they did not exist).
 */
@Controller
class PublicAlertController {

	static final int FEED_SIZE = 50;

	private final AlertManagement alerts;

	private final GeographyManagement geography;

	private final Clock clock;

	private final ZoneId zone;

	PublicAlertController(AlertManagement alerts, GeographyManagement geography, Clock clock, RegionSettings region) {
		this.alerts = alerts;
		this.geography = geography;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/alerts")
	@PublicEndpoint("Public drug alerts are meant for everyone")
	String list(Model model) {
		var current = alerts.currentPublic(clock.instant());
		var codes = new LinkedHashSet<String>();
		current.forEach(a -> {
			var m = a.current();
			if (m != null) {
				m.areas().forEach(area -> codes.add(area.code()));
			}
		});
		model.addAttribute("alerts", current);
		model.addAttribute("affected", String.join(" ", codes));
		model.addAttribute("bounds",
				geography.bounds().map(b -> b.south() + "," + b.west() + "," + b.north() + "," + b.east()).orElse(""));
		model.addAttribute("zone", zone);
		return "earlywarning/publicAlerts";
	}

	@GetMapping("/alerts/{reference}")
	@PublicEndpoint("A public drug alert's page")
	String alert(@PathVariable String reference, Model model) {
		var alert = found(reference);
		model.addAttribute("alert", alert);
		model.addAttribute("message", alert.current());
		model.addAttribute("zone", zone);
		model.addAttribute("now", clock.instant());
		return "earlywarning/publicAlert";
	}

	@GetMapping(path = "/alerts/{reference}.cap", produces = "application/cap+xml")
	@PublicEndpoint("A public drug alert as CAP 1.2, for other regions' and national systems")
	ResponseEntity<String> cap(@PathVariable String reference) {
		var alert = found(reference);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/cap+xml")).body(alerts.cap(alert));
	}

	@GetMapping(path = "/alerts/feed.atom", produces = "application/atom+xml")
	@PublicEndpoint("The public drug alerts as an Atom feed")
	ResponseEntity<String> feed() {
		return atom(AlertFeeds.alerts(alerts.publicFeed(FEED_SIZE), alerts.publicUrl(), geography.regionName()));
	}

	@GetMapping(path = "/alerts/cap.atom", produces = "application/atom+xml")
	@PublicEndpoint("The index of public drug alerts' CAP documents, as Atom")
	ResponseEntity<String> capIndex() {
		return atom(AlertFeeds.capIndex(alerts.publicFeed(FEED_SIZE), alerts.publicUrl(), geography.regionName()));
	}

	private static ResponseEntity<String> atom(String body) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml")).body(body);
	}

	private AlertView found(String reference) {
		return alerts.publicAlert(reference)
			.orElseThrow(() -> new NotFoundException("alerts.error.notFound.alert", reference));
	}

}
