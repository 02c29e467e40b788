package org.harmwatch.consumptionrooms.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.consumptionrooms.NeedleChannel;
import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.NeedleReport;
import org.harmwatch.consumptionrooms.NeedleReportDraft;
import org.harmwatch.consumptionrooms.NeedleStatus;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 for discarded needles, so that FixMyStreet and councils' own
 * systems send reports in and follow their status: {@code services}, {@code requests}
 * (POST and GET) and one request, in XML and JSON.
 *
 * <p>
 * One service, {@value #SERVICE_CODE}. A request is posted form-encoded with
 * {@code service_code}, {@code lat} and {@code long} (required: a needle needs a place),
 * and optionally {@code description} and {@code media_url}; anything about the reporter
 * ({@code email}, {@code first_name}, {@code phone}, {@code device_id} …) is accepted and
 * dropped, and {@code api_key} is not needed: reports are anonymous, rate-limited per
 * client like the web form. Anyone may follow requests, at the level the public pages
 * use: the point rounded to about 100 metres, no description and no uploaded photo (both
 * stay with the council). Errors are the specification's: a list of {@code code} and
 * {@code description}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

	/** The one service: discarded needles and syringes. */
	static final String SERVICE_CODE = "NEEDLES";

	/** The most requests one GET answers (the specification's default). */
	static final int MAX_REQUESTS = 1000;

	/** The span a GET without dates covers (the specification's default). */
	static final Duration DEFAULT_SPAN = Duration.ofDays(90);

	private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

	private final NeedleManagement needles;

	private final AgencyManagement agencies;

	private final Open311RateLimiter limiter;

	private final MessageSource messages;

	private final ZoneId zone;

	Open311Controller(NeedleManagement needles, AgencyManagement agencies, Open311RateLimiter limiter,
			MessageSource messages, RegionSettings region) {
		this.needles = needles;
		this.agencies = agencies;
		this.limiter = limiter;
		this.messages = messages;
		this.zone = region.timeZone();
	}

	/** A failure answered in the specification's error format. */
	static final class Open311Error extends RuntimeException {

		private final HttpStatus status;

		Open311Error(HttpStatus status, String description) {
			super(description, null, false, false);
			this.status = status;
		}

	}

	@GetMapping("/services.json")
	@PublicEndpoint("Open311 service discovery: the services anyone may report to")
	ResponseEntity<String> servicesJson() {
		return answer(false, this::services);
	}

	@GetMapping("/services.xml")
	@PublicEndpoint("Open311 service discovery: the services anyone may report to")
	ResponseEntity<String> servicesXml() {
		return answer(true, this::services);
	}

	@PostMapping("/requests.json")
	@PublicEndpoint("Open311: anyone may report discarded needles anonymously; rate-limited, nothing about the reporter is kept")
	ResponseEntity<String> postJson(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return answer(false, () -> post(params, request), HttpStatus.CREATED);
	}

	@PostMapping("/requests.xml")
	@PublicEndpoint("Open311: anyone may report discarded needles anonymously; rate-limited, nothing about the reporter is kept")
	ResponseEntity<String> postXml(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return answer(true, () -> post(params, request), HttpStatus.CREATED);
	}

	@GetMapping("/requests.json")
	@PublicEndpoint("Open311: the status of needle reports, with points rounded to about 100 m and no reporter's text")
	ResponseEntity<String> requestsJson(@RequestParam MultiValueMap<String, String> params) {
		return answer(false, () -> requests(params));
	}

	@GetMapping("/requests.xml")
	@PublicEndpoint("Open311: the status of needle reports, with points rounded to about 100 m and no reporter's text")
	ResponseEntity<String> requestsXml(@RequestParam MultiValueMap<String, String> params) {
		return answer(true, () -> requests(params));
	}

	@GetMapping("/requests/{id}.json")
	@PublicEndpoint("Open311: the status of one needle report, as in the list")
	ResponseEntity<String> requestJson(@PathVariable("id") String id) {
		return answer(false, () -> request(id));
	}

	@GetMapping("/requests/{id}.xml")
	@PublicEndpoint("Open311: the status of one needle report, as in the list")
	ResponseEntity<String> requestXml(@PathVariable("id") String id) {
		return answer(true, () -> request(id));
	}

	/** A document: its root and item element names (XML), and its items. */
	record Document(String root, String item, List<Map<String, @Nullable Object>> items) {
	}

	private Document services() {
		var service = new LinkedHashMap<String, @Nullable Object>();
		service.put("service_code", SERVICE_CODE);
		service.put("service_name", text("consumptionrooms.open311.service.name"));
		service.put("description", text("consumptionrooms.open311.service.description"));
		service.put("metadata", false);
		service.put("type", "realtime");
		service.put("keywords", "needle,needles,syringe,sharps");
		service.put("group", text("consumptionrooms.open311.service.group"));
		return new Document("services", "service", List.of(service));
	}

	private Document post(MultiValueMap<String, String> params, HttpServletRequest request) {
		var code = single(params, "service_code");
		if (code == null) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.serviceCode.required"));
		}
		if (!SERVICE_CODE.equals(code)) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.serviceCode.unknown"));
		}
		var lat = number(params, "lat");
		var lon = number(params, "long");
		if (lat == null || lon == null) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.location.required"));
		}
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			throw new Open311Error(HttpStatus.TOO_MANY_REQUESTS, text("consumptionrooms.open311.error.tooMany"));
		}
		try {
			var received = needles.report(new NeedleReportDraft(lat, lon, single(params, "description"), null,
					single(params, "media_url"), NeedleChannel.OPEN311));
			var answer = new LinkedHashMap<String, @Nullable Object>();
			answer.put("service_request_id", String.valueOf(received.reference()));
			answer.put("service_notice", text("consumptionrooms.open311.notice"));
			return new Document("service_requests", "request", List.of(answer));
		}
		catch (InputRejectedException ex) {
			var first = ex.problems().getFirst();
			throw new Open311Error(HttpStatus.BAD_REQUEST, messages.getMessage(first, Locale.UK));
		}
	}

	private Document requests(MultiValueMap<String, String> params) {
		var references = new ArrayList<Long>();
		var ids = single(params, "service_request_id");
		if (ids != null) {
			for (var part : ids.split(",", -1)) {
				var reference = reference(part.strip());
				if (reference == null) {
					throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.id.invalid"));
				}
				references.add(reference);
				if (references.size() > MAX_REQUESTS) {
					throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.id.tooMany"));
				}
			}
		}
		var statuses = new ArrayList<NeedleStatus>();
		var status = single(params, "status");
		if (status != null) {
			for (var part : status.split(",", -1)) {
				switch (part.strip().toLowerCase(Locale.ROOT)) {
					case "open" -> statuses.add(NeedleStatus.OPEN);
					case "closed" -> {
						statuses.add(NeedleStatus.COLLECTED);
						statuses.add(NeedleStatus.NOT_FOUND);
					}
					default -> throw new Open311Error(HttpStatus.BAD_REQUEST,
							text("consumptionrooms.open311.error.status.invalid"));
				}
			}
		}
		var start = dateTime(params, "start_date");
		var end = dateTime(params, "end_date");
		if (start != null && end != null && end.isBefore(start)) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.dates.order"));
		}
		var code = single(params, "service_code");
		if (code != null && !SERVICE_CODE.equals(code)) {
			return new Document("service_requests", "request", List.of());
		}
		if (references.isEmpty() && start == null) {
			start = (end != null ? end : Instant.now()).minus(DEFAULT_SPAN);
		}
		// A council answers for thousands of reports: its name is looked up once per
		// answer.
		var agencyNames = new HashMap<String, Optional<String>>();
		var items = needles.publicReports(references, statuses, start, end, MAX_REQUESTS)
			.stream()
			.map(report -> publicView(report, agencyNames))
			.toList();
		return new Document("service_requests", "request", items);
	}

	private Document request(String id) {
		var reference = reference(id);
		var found = reference == null ? null : needles.publicReport(reference).orElse(null);
		if (found == null) {
			throw new Open311Error(HttpStatus.NOT_FOUND, text("consumptionrooms.open311.error.id.notFound"));
		}
		return new Document("service_requests", "request", List.of(publicView(found, new HashMap<>())));
	}

	private Map<String, @Nullable Object> publicView(NeedleReport report, Map<String, Optional<String>> agencyNames) {
		var item = new LinkedHashMap<String, @Nullable Object>();
		item.put("service_request_id", String.valueOf(report.reference()));
		item.put("status", report.status().open311());
		item.put("status_notes", report.statusNotes());
		item.put("service_name", text("consumptionrooms.open311.service.name"));
		item.put("service_code", SERVICE_CODE);
		item.put("agency_responsible", report.ownerAgency() == null ? null
				: agencyNames
					.computeIfAbsent(report.ownerAgency(), code -> agencies.agency(code).map(AgencySummary::name))
					.orElse(null));
		item.put("requested_datetime", format(report.reportedAt()));
		item.put("updated_datetime", format(report.updatedAt()));
		item.put("expected_datetime", report.dueAt() == null ? null : format(report.dueAt()));
		item.put("lat", rounded(report.lat()));
		item.put("long", rounded(report.lon()));
		item.put("media_url", report.mediaUrl());
		return item;
	}

	private ResponseEntity<String> answer(boolean xml, Supplier<Document> work) {
		return answer(xml, work, HttpStatus.OK);
	}

	private ResponseEntity<String> answer(boolean xml, Supplier<Document> work, HttpStatus ok) {
		try {
			var document = work.get();
			return ResponseEntity.status(ok)
				.contentType(xml ? XML : JSON)
				.body(xml ? Open311Format.xml(document.root(), document.item(), document.items())
						: Open311Format.json(document.items()));
		}
		catch (Open311Error ex) {
			var error = new LinkedHashMap<String, @Nullable Object>();
			error.put("code", ex.status.value());
			error.put("description", ex.getMessage());
			var response = ResponseEntity.status(ex.status).contentType(xml ? XML : JSON);
			if (ex.status == HttpStatus.TOO_MANY_REQUESTS) {
				response.header(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.retryAfter().toSeconds()));
			}
			return response
				.body(xml ? Open311Format.xml("errors", "error", List.of(error)) : Open311Format.json(List.of(error)));
		}
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private String format(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone));
	}

	private static @Nullable BigDecimal rounded(@Nullable Double value) {
		return value == null ? null : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
	}

	private static @Nullable String single(MultiValueMap<String, String> params, String name) {
		var values = params.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, "Send " + name + " once");
		}
		var value = values.getFirst();
		return value == null || value.isBlank() ? null : value.strip();
	}

	private @Nullable Double number(MultiValueMap<String, String> params, String name) {
		var text = single(params, name);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() > 30) {
				throw new NumberFormatException();
			}
			double value = Double.parseDouble(text);
			if (!Double.isFinite(value)) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.location.invalid"));
		}
	}

	private @Nullable Instant dateTime(MultiValueMap<String, String> params, String name) {
		var text = single(params, name);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() > 40) {
				throw new DateTimeParseException("too long", text, 0);
			}
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("consumptionrooms.open311.error.date.invalid"));
		}
	}

	private static @Nullable Long reference(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(text);
	}

}
