package org.harmwatch.consumptionrooms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsAudit;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy;
import org.harmwatch.consumptionrooms.internal.NeedleRepository;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.ImageSanitiser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.SafeText;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needle reports in and out: the public's reports (web form and Open311), the council's
 * list and sweeps, and recording quality per council, each within
 * {@code ConsumptionRoomsPolicy} and audited.
 */
@Service
public class NeedleManagement {

	/** Reports on one page of a council's list. */
	public static final int PAGE_SIZE = 50;

	/** The last page a list goes to. */
	public static final int MAX_PAGE = 10_000;

	/** The longest description kept. */
	public static final int MAX_DESCRIPTION = 2000;

	/** The longest media link kept. */
	public static final int MAX_MEDIA_URL = 2000;

	/** The largest photo taken in. */
	public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

	/** The longest side of a photo kept. */
	static final int MAX_PHOTO_SIDE = 2000;

	/** The most needles one sweep may record. */
	public static final int MAX_COLLECTED = 10_000;

	/** Who acts for the public in the audit log. */
	static final String PUBLIC_ACTOR = "public:needle-report";

	private final NeedleRepository repository;

	private final GeographyManagement geography;

	private final ImageSanitiser images;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	NeedleManagement(NeedleRepository repository, GeographyManagement geography, ImageSanitiser images, AuditLog audit,
			Clock clock, RegionSettings region) {
		this.repository = repository;
		this.geography = geography;
		this.images = images;
		this.audit = audit;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/** A report taken in: its id and the public reference to follow it by. */
	public record Received(UUID id, long reference) {
	}

	/** One page of a council's reports. */
	public record Page(List<NeedleReport> reports, int page, long total, int pages) {
	}

	/**
	 * Takes in a report from anyone: checks the pin lies in the region, re-encodes the
	 * photo without metadata, and gives it to the council set for its district.
	 * @throws InputRejectedException naming each field that is wrong; nothing is stored
	 */
	@Transactional
	public Received report(NeedleReportDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		String ladCode = null;
		String lsoaCode = null;
		if (draft.lat() == null || draft.lon() == null) {
			problems.add(FieldProblem.of("lat", "consumptionrooms.needle.location.required"));
		}
		else if (!Double.isFinite(draft.lat()) || !Double.isFinite(draft.lon()) || Math.abs(draft.lat()) > 90
				|| Math.abs(draft.lon()) > 180) {
			problems.add(FieldProblem.of("lat", "consumptionrooms.needle.location.invalid"));
		}
		else {
			var found = geography.lookup(draft.lat(), draft.lon());
			if (found.isEmpty()) {
				problems.add(FieldProblem.of("lat", "consumptionrooms.needle.location.outside"));
			}
			else {
				ladCode = found.get().lad().code();
				var lsoa = found.get().at(AreaLevel.LSOA);
				lsoaCode = lsoa == null ? null : lsoa.code();
			}
		}
		var description = trimmed(draft.description());
		if (description != null && description.length() > MAX_DESCRIPTION) {
			problems.add(FieldProblem.of("description", "consumptionrooms.needle.description.size", MAX_DESCRIPTION));
		}
		else if (description != null && !SafeText.isSafe(description)) {
			problems.add(FieldProblem.of("description", "consumptionrooms.needle.description.unsafe"));
		}
		var mediaUrl = trimmed(draft.mediaUrl());
		if (mediaUrl != null && !isWebLink(mediaUrl)) {
			problems.add(FieldProblem.of("mediaUrl", "consumptionrooms.needle.mediaUrl.invalid", MAX_MEDIA_URL));
		}
		ImageSanitiser.CleanImage photo = null;
		if (draft.photo() != null && draft.photo().length > 0) {
			if (draft.photo().length > MAX_PHOTO_BYTES) {
				problems.add(FieldProblem.of("photo", "consumptionrooms.needle.photo.size",
						MAX_PHOTO_BYTES / (1024 * 1024)));
			}
			else {
				try {
					photo = images.clean(draft.photo(), MAX_PHOTO_SIDE);
				}
				catch (ImageSanitiser.UnacceptableImage ex) {
					problems.add(FieldProblem.of("photo", "consumptionrooms.needle.photo.unusable"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var now = clock.instant();
		var council = ladCode == null ? Optional.<NeedleRepository.Council>empty() : repository.council(ladCode);
		var id = UUID.randomUUID();
		long reference = repository
			.insert(new NeedleRepository.NewReport(id, council.map(NeedleRepository.Council::agencyCode).orElse(null),
					draft.channel(), draft.lat(), draft.lon(), ladCode, lsoaCode, description, mediaUrl,
					photo == null ? null : photo.content(), photo == null ? null : photo.contentType(), now,
					council.map(c -> now.plus(Duration.ofHours(c.serviceLevelHours()))).orElse(null)));
		audit.recordFor(PUBLIC_ACTOR, council.map(NeedleRepository.Council::agencyCode).orElse(null),
				ConsumptionRoomsAudit.NEEDLE_REPORT_RECEIVED, "needle-report", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, draft.channel().name());
		return new Received(id, reference);
	}

	/**
	 * A report by its public reference, as anyone may follow it (Open311); the caller
	 * shows only what the public may see.
	 */
	@Transactional(readOnly = true)
	public Optional<NeedleReport> publicReport(long reference) {
		return repository.findByReference(reference, clock.instant());
	}

	/**
	 * Reports as anyone may follow them (Open311 {@code GET requests}), newest first.
	 * @param references only these references, when not empty
	 * @param statuses only these statuses, when not empty
	 * @param from reported at or after, if given
	 * @param to reported at or before, if given
	 * @param limit at most this many
	 */
	@Transactional(readOnly = true)
	public List<NeedleReport> publicReports(List<Long> references, List<NeedleStatus> statuses, @Nullable Instant from,
			@Nullable Instant to, int limit) {
		return repository.open311(new NeedleRepository.Open311Query(references, statuses, from, to, limit),
				clock.instant());
	}

	/**
	 * One report, for its council's staff (audited).
	 * @throws NotFoundException when there is none or the reader may not read it
	 * (audited)
	 * @throws AccessDeniedException when the reader reads no council's reports (audited)
	 */
	@Transactional(readOnly = true)
	public NeedleReport report(UUID id, HarmwatchUser reader) {
		refuseUnlessCouncil(reader, ConsumptionRoomsAudit.NEEDLE_REPORT_REFUSED);
		var found = repository.find(id, clock.instant());
		if (found.isPresent() && ConsumptionRoomsPolicy.readsReport(reader, found.get().ownerAgency())) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_REPORT_VIEWED, "needle-report", id.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
			return found.get();
		}
		if (found.isPresent()) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_REPORT_REFUSED, "needle-report", id.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "not the reader's council");
		}
		throw new NotFoundException("consumptionrooms.notFound.report", id);
	}

	/**
	 * The photo of a report, for its council's staff (audited).
	 * @throws NotFoundException when there is none or the reader may not see it
	 */
	@Transactional(readOnly = true)
	public NeedlePhoto photo(UUID id, HarmwatchUser reader) {
		var report = report(id, reader);
		var photo = repository.photo(report.id())
			.orElseThrow(() -> new NotFoundException("consumptionrooms.notFound.report", id));
		audit.record(ConsumptionRoomsAudit.NEEDLE_PHOTO_VIEWED, "needle-report", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
		return photo;
	}

	/**
	 * A page of the reader's council's reports, newest first (audited).
	 * @param page from 1
	 * @throws AccessDeniedException when the reader may not list reports (audited)
	 */
	@Transactional(readOnly = true)
	public Page reports(@Nullable NeedleStatus status, int page, HarmwatchUser reader) {
		if (!ConsumptionRoomsPolicy.listsReports(reader)) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_REPORTS_LISTED, "needle-report", null, null,
					AuditLog.Outcome.DENIED, "needs consumption-rooms read for public health intelligence");
			throw new AccessDeniedException("No needle reports");
		}
		int number = Math.max(1, Math.min(page, MAX_PAGE));
		var rows = repository.page(reader.agencyCode(), status, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE,
				clock.instant());
		long total = repository.count(reader.agencyCode(), status);
		audit.record(ConsumptionRoomsAudit.NEEDLE_REPORTS_LISTED, "needle-report", null,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				"page " + number + " of " + total + (status == null ? "" : " (" + status + ")"));
		return new Page(rows, number, total, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
	}

	/**
	 * Records the council's sweep of a report: found and collected closes it as
	 * collected, nothing found as not found; a later sweep may add to it.
	 * @throws NotFoundException when there is no report the user's council holds
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void sweep(UUID id, SweepDraft draft, HarmwatchUser user) {
		refuseUnlessCouncil(user, ConsumptionRoomsAudit.NEEDLE_SWEEP_REFUSED);
		var found = repository.find(id, clock.instant());
		if (found.isEmpty() || !ConsumptionRoomsPolicy.sweeps(user, found.get().ownerAgency())) {
			if (found.isPresent()) {
				audit.record(ConsumptionRoomsAudit.NEEDLE_SWEEP_REFUSED, "needle-report", id.toString(),
						Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "not the user's council");
			}
			throw new NotFoundException("consumptionrooms.notFound.report", id);
		}
		var report = found.get();
		var problems = new ArrayList<FieldProblem>();
		var now = clock.instant();
		if (draft.collected() < 0 || draft.collected() > MAX_COLLECTED) {
			problems.add(FieldProblem.of("collected", "consumptionrooms.sweep.collected.range", MAX_COLLECTED));
		}
		else if (draft.found() && draft.collected() == 0) {
			problems.add(FieldProblem.of("collected", "consumptionrooms.sweep.collected.none"));
		}
		else if (!draft.found() && draft.collected() > 0) {
			problems.add(FieldProblem.of("collected", "consumptionrooms.sweep.collected.notFound"));
		}
		if (draft.sweptAt().isAfter(now.plus(Duration.ofMinutes(10)))) {
			problems.add(FieldProblem.of("sweptOn", "consumptionrooms.sweep.sweptAt.future"));
		}
		else if (draft.sweptAt().isBefore(report.reportedAt().minus(Duration.ofMinutes(10)))) {
			problems.add(FieldProblem.of("sweptOn", "consumptionrooms.sweep.sweptAt.beforeReport"));
		}
		var notes = trimmed(draft.notes());
		if (notes != null && (notes.length() > 500 || !SafeText.isSafe(notes))) {
			problems.add(FieldProblem.of("notes", "consumptionrooms.sweep.notes.invalid", 500));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var status = draft.found() ? NeedleStatus.COLLECTED : NeedleStatus.NOT_FOUND;
		var statusNotes = draft.found()
				? "Collected " + draft.collected() + " needle" + (draft.collected() == 1 ? "" : "s") + " on "
						+ LocalDate.ofInstant(draft.sweptAt(), zone)
				: "Nothing found at the place on " + LocalDate.ofInstant(draft.sweptAt(), zone);
		repository.sweep(id, report.ownerAgency(), draft.found(), draft.collected(), draft.sweptAt(), notes, status,
				statusNotes, now, user.getUsername());
		audit.record(ConsumptionRoomsAudit.NEEDLE_SWEEP_RECORDED, "needle-report", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, status.name());
	}

	/**
	 * Sets the council that answers for a district and its service level; reports of the
	 * district without a council go to it. For the programme's set-up (demo, operators).
	 */
	@Transactional
	public void setCouncil(String ladCode, String agencyCode, int serviceLevelHours, String actor) {
		if (serviceLevelHours < 1 || serviceLevelHours > 2160) {
			throw new InputRejectedException(
					FieldProblem.of("serviceLevelHours", "consumptionrooms.council.hours.range", 2160));
		}
		if (geography.area(ladCode).filter(a -> a.level() == AreaLevel.LAD).isEmpty()) {
			throw new InputRejectedException(FieldProblem.of("ladCode", "consumptionrooms.council.lad.unknown"));
		}
		repository.setCouncil(ladCode, agencyCode, serviceLevelHours, clock.instant(), actor);
		audit.recordFor(actor, agencyCode, ConsumptionRoomsAudit.NEEDLE_COUNCIL_SET, "needle-council", ladCode, null,
				AuditLog.Outcome.ALLOWED, serviceLevelHours + " hours");
	}

	/** One council's recording quality over a year. */
	public record Quality(String agencyCode, String ladCode, String ladName, int serviceLevelHours, long reports,
			long withLocation, long closed, long breached, @Nullable Double medianHoursToClose, long lsoasWithReports,
			long lsoas) {

		/** The share of reports with a location, 0–100, or null when there are none. */
		public @Nullable Integer locatedPercent() {
			return reports == 0 ? null : (int) Math.round(100.0 * withLocation / reports);
		}

		/** The share of the district's LSOAs with a report, 0–100. */
		public @Nullable Integer coveragePercent() {
			return lsoas == 0 ? null : (int) Math.round(100.0 * lsoasWithReports / lsoas);
		}

		/** The share of reports answered within the service level, 0–100. */
		public @Nullable Integer withinServiceLevelPercent() {
			return reports == 0 ? null : (int) Math.round(100.0 * (reports - breached) / reports);
		}

		/**
		 * A score out of 100: located share, answered-in-time share and coverage, equally
		 * weighted; no score while the council recorded nothing.
		 */
		public @Nullable Integer score() {
			if (reports == 0) {
				return null;
			}
			double coverage = lsoas == 0 ? 0 : (double) lsoasWithReports / lsoas;
			return (int) Math.round(
					100.0 * ((double) withLocation / reports + (double) (reports - breached) / reports + coverage) / 3);
		}

	}

	/**
	 * Recording quality per council over a calendar year: counts only (audited).
	 * @throws AccessDeniedException when the reader may not see it (audited)
	 */
	@Transactional(readOnly = true)
	public List<Quality> quality(int year, HarmwatchUser reader) {
		if (!ConsumptionRoomsPolicy.readsQuality(reader)) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_QUALITY_REFUSED, "needle-quality", null, null,
					AuditLog.Outcome.DENIED, "needs programme or consumption-rooms read");
			throw new AccessDeniedException("No needle quality");
		}
		var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		var result = new ArrayList<Quality>();
		for (var row : repository.quality(from, to, clock.instant(), repository.councils())) {
			var name = geography.area(row.ladCode()).map(a -> a.name()).orElse(row.ladCode());
			result.add(new Quality(row.agencyCode(), row.ladCode(), name, row.serviceLevelHours(), row.reports(),
					row.withLocation(), row.closed(), row.breached(), row.medianHoursToClose(), row.lsoasWithReports(),
					geography.lsoaCodes(row.ladCode()).size()));
		}
		audit.record(ConsumptionRoomsAudit.NEEDLE_QUALITY_VIEWED, "needle-quality", null,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, String.valueOf(year));
		return result;
	}

	private void refuseUnlessCouncil(HarmwatchUser user, ConsumptionRoomsAudit action) {
		if (!ConsumptionRoomsPolicy.listsReports(user)) {
			audit.record(action, "needle-report", null, null, AuditLog.Outcome.DENIED,
					"needs consumption-rooms read for public health intelligence");
			throw new AccessDeniedException("No needle reports");
		}
	}

	/**
	 * The council's open reports and how many of them are late, for its staff's home
	 * page; none for anyone else.
	 */
	@Transactional(readOnly = true)
	public Optional<long[]> openAndLate(HarmwatchUser user) {
		if (!ConsumptionRoomsPolicy.listsReports(user)) {
			return Optional.empty();
		}
		return Optional.of(repository.openAndLate(user.agencyCode(), clock.instant()));
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private static boolean isWebLink(String text) {
		if (text.length() > MAX_MEDIA_URL || !SafeText.isSafe(text)) {
			return false;
		}
		try {
			var uri = new URI(text);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
