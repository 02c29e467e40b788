package org.harmwatch.earlywarning.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.internal.alerts.AlertFeeds;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;

/**
 * The public face of early warning: current public alerts with a map, each alert's page
 * and CAP 1.2 document, and the Atom feeds (alerts, and the CAP index) that other regions
 * and national bodies poll, each cacheable (ETag, Last-Modified, 304); earlier versions
 * of a CAP document, which an update references, come with {@code ?version=N}. Each
 * alert's A4 poster and clinician briefing are here too, an update says what changed
 * since the version before, and cancelled and expired alerts stay in the archive. Only
 * issued alerts for the public are shown; exercises (except the demo's, marked as such)
 * and alerts for professionals only are never here (404, as if they did not exist: their
 * page is in the professionals' inbox).
 */
@Controller
class PublicAlertController {

	static final int FEED_SIZE = 50;

	private final AlertManagement alerts;

	private final GeographyManagement geography;

	private final AlertDocuments documents;

	private final Clock clock;

	private final ZoneId zone;

	PublicAlertController(AlertManagement alerts, GeographyManagement geography, AlertDocuments documents, Clock clock,
			RegionSettings region) {
		this.alerts = alerts;
		this.geography = geography;
		this.documents = documents;
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
		model.addAttribute("changes", AlertChanges.of(alert));
		return "earlywarning/publicAlert";
	}

	@GetMapping("/alerts/archive")
	@PublicEndpoint("Cancelled and expired public drug alerts stay on the record")
	String archive(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", alerts.publicArchive(page, clock.instant()));
		model.addAttribute("zone", zone);
		return "earlywarning/publicArchive";
	}

	@GetMapping("/alerts/{reference}/poster.pdf")
	@PublicEndpoint("A public drug alert's A4 poster, for anyone to print and put up")
	ResponseEntity<byte[]> poster(@PathVariable String reference) {
		return documents.poster(found(reference), false);
	}

	@GetMapping("/alerts/{reference}/briefing.pdf")
	@PublicEndpoint("A public drug alert's briefing for clinicians, who may not have an account")
	ResponseEntity<byte[]> briefing(@PathVariable String reference) {
		return documents.briefing(found(reference), false);
	}

	@ResponseBody
	@GetMapping(path = "/alerts/{reference}.cap", produces = "application/cap+xml")
	@PublicEndpoint("A public drug alert as CAP 1.2, for other regions' and national systems")
	ResponseEntity<String> cap(@PathVariable String reference, @RequestParam(required = false) @Nullable String version,
			WebRequest request) {
		var alert = found(reference);
		int chosen = version(alert, version);
		var issuedAt = alert.issuedMessages()
			.stream()
			.filter(m -> m.version() != null && m.version() == chosen)
			.map(AlertView.Message::issuedAt)
			.findFirst()
			.orElse(alert.issuedAt());
		return cacheable(request, CAP_TYPE, alerts.cap(alert.id(), chosen), issuedAt);
	}

	@ResponseBody
	@GetMapping(path = "/alerts/feed.atom", produces = "application/atom+xml")
	@PublicEndpoint("The public drug alerts as an Atom feed")
	ResponseEntity<String> feed(WebRequest request) {
		var feed = alerts.publicFeed(FEED_SIZE);
		return cacheable(request, ATOM_TYPE, AlertFeeds.alerts(feed, alerts.publicUrl(), geography.regionName()),
				latest(feed));
	}

	@ResponseBody
	@GetMapping(path = "/alerts/cap.atom", produces = "application/atom+xml")
	@PublicEndpoint("The index of public drug alerts' CAP documents, as Atom")
	ResponseEntity<String> capIndex(WebRequest request) {
		var feed = alerts.publicFeed(FEED_SIZE);
		return cacheable(request, ATOM_TYPE, AlertFeeds.capIndex(feed, alerts.publicUrl(), geography.regionName()),
				latest(feed));
	}

	/**
	 * The version asked for ({@code ?version=N}), or the latest.
	 * @throws NotFoundException when the alert has no such issued version
	 */
	static int version(AlertView alert, @Nullable String asked) {
		if (asked == null || asked.isBlank()) {
			return alert.version();
		}
		try {
			int n = Integer.parseInt(asked.strip());
			if (n >= 1 && n <= alert.version()) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// no such version
		}
		throw new NotFoundException("alerts.error.notFound.version",
				alert.reference() + "?version=" + (asked.length() > 10 ? asked.substring(0, 10) : asked));
	}

	private static @Nullable Instant latest(List<AlertView> feed) {
		return feed.stream()
			.map(AlertView::issuedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * A public document that caches and revalidates: public for five minutes, its ETag (a
	 * hash of the body) and Last-Modified (when it last changed), and 304 Not Modified
	 * when the client has it already.
	 */
	static ResponseEntity<String> cacheable(WebRequest request, MediaType type, String body,
			@Nullable Instant lastModified) {
		var etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
		long modified = lastModified == null ? -1 : lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
		var cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
		if (request.checkNotModified(etag, modified)) {
			var notModified = ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag);
			return (modified < 0 ? notModified : notModified.lastModified(modified)).build();
		}
		var ok = ResponseEntity.ok().contentType(type).cacheControl(cache).eTag(etag);
		return (modified < 0 ? ok : ok.lastModified(modified)).body(body);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final MediaType CAP_TYPE = MediaType.parseMediaType("application/cap+xml");

	static final MediaType ATOM_TYPE = MediaType.parseMediaType("application/atom+xml");

	private AlertView found(String reference) {
		return alerts.publicAlert(reference)
			.orElseThrow(() -> new NotFoundException("alerts.error.notFound.alert", reference));
	}

}
