package org.harmwatch.consumptionrooms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsAudit;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy;
import org.harmwatch.consumptionrooms.internal.VisitRepository;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.SafeText;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumption rooms' health records in and out: sites, supervised visits, overdoses
 * managed and referrals, and the counts the service reports (housing, evaluation), each
 * within {@code ConsumptionRoomsPolicy} and audited.
 */
@Service
public class RoomManagement {

	/** Visits on one page. */
	public static final int PAGE_SIZE = 50;

	/** The last page a list goes to. */
	public static final int MAX_PAGE = 10_000;

	/** Counts under this are not shown. */
	public static final int SUPPRESS_UNDER = 5;

	/** What a client code looks like: letters, digits and hyphens. */
	static final Pattern CLIENT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,29}");

	static final int MAX_SUBSTANCES = 10;

	private final VisitRepository visits;

	private final SubstanceManagement substances;

	private final SharingManagement sharing;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	RoomManagement(VisitRepository visits, SubstanceManagement substances, SharingManagement sharing,
			GeographyManagement geography, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			RegionSettings region) {
		this.visits = visits;
		this.substances = substances;
		this.sharing = sharing;
		this.geography = geography;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/**
	 * Adds (or updates by name) a site the agency runs; for the programme's set-up (demo,
	 * operators).
	 * @throws InputRejectedException when the point is not in the region
	 */
	@Transactional
	public UUID setSite(String agencyCode, String name, double lat, double lon, int booths, String actor) {
		var lookup = geography.lookup(lat, lon)
			.orElseThrow(() -> new InputRejectedException(
					FieldProblem.of("lat", "consumptionrooms.needle.location.outside")));
		var id = visits.addSite(agencyCode, name, lookup.lad().code(), lat, lon, booths, clock.instant());
		audit.recordFor(actor, agencyCode, ConsumptionRoomsAudit.ROOM_SITE_SET, "consumption-room-site", id.toString(),
				null, AuditLog.Outcome.ALLOWED, name);
		return id;
	}

	/**
	 * The sites of the user's agency, to record visits at.
	 * @throws AccessDeniedException when the user may not record visits (audited)
	 */
	@Transactional(readOnly = true)
	public List<Site> sites(HarmwatchUser user) {
		refuseUnless(ConsumptionRoomsPolicy.recordsVisits(user), "needs consumption-rooms write for health");
		return visits.sites(user.agencyCode());
	}

	/**
	 * Records a visit for the user's agency and publishes
	 * {@link SupervisedConsumptionRecorded}.
	 * @throws AccessDeniedException when the user may not record visits (audited)
	 * @throws InputRejectedException naming each field that is wrong; nothing is stored
	 */
	@Transactional
	public UUID recordVisit(VisitDraft draft, HarmwatchUser user) {
		refuseUnless(ConsumptionRoomsPolicy.recordsVisits(user), "needs consumption-rooms write for health");
		var problems = new ArrayList<FieldProblem>();
		var site = visits.site(draft.siteId()).filter(s -> s.ownerAgency().equals(user.agencyCode()));
		if (site.isEmpty()) {
			problems.add(FieldProblem.of("siteId", "consumptionrooms.visit.siteId.unknown"));
		}
		if (!CLIENT_CODE.matcher(draft.clientCode()).matches()) {
			problems.add(FieldProblem.of("clientCode", "consumptionrooms.visit.clientCode.invalid"));
		}
		var now = clock.instant();
		if (draft.timeIn().isAfter(now.plus(Duration.ofMinutes(10)))) {
			problems.add(FieldProblem.of("timeIn", "consumptionrooms.visit.timeIn.future"));
		}
		else if (draft.timeIn().isBefore(now.minus(Duration.ofDays(366)))) {
			problems.add(FieldProblem.of("timeIn", "consumptionrooms.visit.timeIn.tooOld"));
		}
		if (draft.timeOut() != null && draft.timeOut().isBefore(draft.timeIn())) {
			problems.add(FieldProblem.of("timeOut", "consumptionrooms.visit.timeOut.beforeIn"));
		}
		if (draft.substances().isEmpty()) {
			problems.add(FieldProblem.of("substances", "consumptionrooms.visit.substances.required"));
		}
		else if (draft.substances().size() > MAX_SUBSTANCES
				|| draft.substances().stream().anyMatch(s -> s.length() > 100 || !SafeText.isSafe(s))) {
			problems.add(FieldProblem.of("substances", "consumptionrooms.visit.substances.invalid", MAX_SUBSTANCES));
		}
		var booth = trimmed(draft.booth());
		if (booth != null && (booth.length() > 10 || !SafeText.isSafe(booth))) {
			problems.add(FieldProblem.of("booth", "consumptionrooms.visit.booth.invalid"));
		}
		var notes = trimmed(draft.supervisionNotes());
		if (notes != null && (notes.length() > 2000 || !SafeText.isSafe(notes))) {
			problems.add(FieldProblem.of("supervisionNotes", "consumptionrooms.visit.notes.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var names = new ArrayList<String>();
		for (var words : draft.substances()) {
			var name = substances.resolve(words).map(r -> r.substance().name()).orElse(words.strip());
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		var id = UUID.randomUUID();
		visits.insert(new VisitRepository.NewVisit(id, user.agencyCode(), draft.siteId(), draft.clientCode(),
				draft.timeIn(), draft.timeOut(), names, draft.route(), booth, draft.otherwise(), draft.housing(), notes,
				draft.drugCheckingOffered(), now, user.getUsername()));
		audit.record(ConsumptionRoomsAudit.ROOM_VISIT_RECORDED, "consumption-room-visit", id.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, null);
		events.publishEvent(new SupervisedConsumptionRecorded(id, site.orElseThrow().ladCode(),
				LocalDate.ofInstant(draft.timeIn(), zone)));
		return id;
	}

	/**
	 * One visit with its overdoses and referrals (audited).
	 * @throws NotFoundException when there is none, or the reader may not read it (a
	 * refusal says nothing about whether it exists, and is audited)
	 */
	@Transactional(readOnly = true)
	public Visit visit(UUID id, HarmwatchUser reader) {
		refuseUnless(ConsumptionRoomsPolicy.listsVisits(reader), "needs consumption-rooms read for health");
		var key = visits.key(id);
		if (key.isPresent()) {
			var owner = key.get().owner();
			Set<Purpose> shared = owner.equals(reader.agencyCode()) ? Set.of()
					: sharing.sharedPurposes(owner, reader.agencyCode(), Capability.CONSUMPTION_ROOMS, Action.READ);
			if (ConsumptionRoomsPolicy.readsVisit(reader, owner, shared)) {
				audit.record(ConsumptionRoomsAudit.ROOM_VISIT_VIEWED, "consumption-room-visit", id.toString(),
						Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
				return visits.visit(id).orElseThrow();
			}
			audit.record(ConsumptionRoomsAudit.ROOM_VISIT_REFUSED, "consumption-room-visit", id.toString(),
					Purpose.HEALTH, AuditLog.Outcome.DENIED, "owned by " + owner + ", not shared for health");
		}
		throw new NotFoundException("consumptionrooms.notFound.visit", id);
	}

	/** One page of the agency's visits. */
	public record VisitPage(List<VisitRow> visits, int page, long total, int pages) {
	}

	/**
	 * A page of the reader's agency's visits, newest first, optionally of one client
	 * (audited).
	 * @throws AccessDeniedException when the reader may not list visits (audited)
	 */
	@Transactional(readOnly = true)
	public VisitPage visits(@Nullable String clientCode, int page, HarmwatchUser reader) {
		refuseUnless(ConsumptionRoomsPolicy.listsVisits(reader), "needs consumption-rooms read for health");
		int number = Math.max(1, Math.min(page, MAX_PAGE));
		var client = trimmed(clientCode);
		var rows = visits.page(reader.agencyCode(), client, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		long total = visits.count(reader.agencyCode(), client);
		audit.record(ConsumptionRoomsAudit.ROOM_VISITS_LISTED, "consumption-room-visit", null, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "page " + number + " of " + total + (client == null ? "" : ", one client"));
		return new VisitPage(rows, number, total, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
	}

	/**
	 * Records an overdose managed during a visit and publishes
	 * {@link RoomOverdoseManaged}, so that overdose surveillance and the naloxone ledger
	 * count it once.
	 * @throws NotFoundException when there is no visit the user may record on
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID recordOverdose(UUID visitId, RoomOverdoseDraft draft, HarmwatchUser user) {
		refuseUnless(ConsumptionRoomsPolicy.recordsVisits(user), "needs consumption-rooms write for health");
		var key = ownVisit(visitId, user);
		var problems = new ArrayList<FieldProblem>();
		if (draft.occurredAt().isAfter(clock.instant().plus(Duration.ofMinutes(10)))) {
			problems.add(FieldProblem.of("occurredTime", "consumptionrooms.overdose.occurredAt.future"));
		}
		if (draft.naloxoneDoses() < 0 || draft.naloxoneDoses() > 20) {
			problems.add(FieldProblem.of("naloxoneDoses", "consumptionrooms.overdose.naloxoneDoses.range"));
		}
		else if (draft.naloxoneDoses() > 0 && !Set.of("NASAL", "INJECTED").contains(draft.naloxoneRoute())) {
			problems.add(FieldProblem.of("naloxoneRoute", "consumptionrooms.overdose.naloxoneRoute.required"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var site = visits.site(key.siteId()).orElseThrow();
		var id = UUID.randomUUID();
		visits.insertOverdose(id, visitId, key.owner(), draft, clock.instant(), user.getUsername());
		audit.record(ConsumptionRoomsAudit.ROOM_OVERDOSE_RECORDED, "consumption-room-overdose", id.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, "visit " + visitId);
		events.publishEvent(new RoomOverdoseManaged(id, draft.occurredAt(), site.ladCode(), key.owner(),
				draft.outcome() == RoomOverdoseOutcome.DIED, draft.oxygen(), draft.naloxoneDoses(),
				draft.naloxoneDoses() == 0 ? null : draft.naloxoneRoute(), draft.ambulanceCalled(),
				draft.outcome() == RoomOverdoseOutcome.TO_HOSPITAL));
		return id;
	}

	/**
	 * Records a referral made at a visit, pending until its outcome is recorded.
	 * @throws NotFoundException when there is no visit the user may record on
	 */
	@Transactional
	public UUID recordReferral(UUID visitId, ReferralKind kind, LocalDate madeOn, HarmwatchUser user) {
		refuseUnless(ConsumptionRoomsPolicy.recordsVisits(user), "needs consumption-rooms write for health");
		var key = ownVisit(visitId, user);
		if (madeOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
			throw new InputRejectedException(FieldProblem.of("madeOn", "consumptionrooms.referral.madeOn.future"));
		}
		var id = UUID.randomUUID();
		visits.insertReferral(id, visitId, key.owner(), kind, madeOn, clock.instant(), user.getUsername());
		audit.record(ConsumptionRoomsAudit.ROOM_REFERRAL_RECORDED, "consumption-room-referral", id.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, kind.name());
		return id;
	}

	/**
	 * Records what came of a referral.
	 * @param outcome what came of it; {@code null} is rejected (after the access check)
	 * @return the referral's visit
	 * @throws NotFoundException when there is no referral the user may record on
	 */
	@Transactional
	public UUID recordReferralOutcome(UUID referralId, @Nullable ReferralOutcome outcome, HarmwatchUser user) {
		refuseUnless(ConsumptionRoomsPolicy.recordsVisits(user), "needs consumption-rooms write for health");
		if (outcome == null) {
			throw new InputRejectedException(FieldProblem.of("outcome", "consumptionrooms.form.choose"));
		}
		var referral = visits.referral(referralId)
			.filter(r -> r.owner().equals(user.agencyCode()))
			.orElseThrow(() -> new NotFoundException("consumptionrooms.notFound.referral", referralId));
		var today = LocalDate.now(clock.withZone(zone));
		visits.referralOutcome(referralId, outcome, outcome == ReferralOutcome.PENDING ? null : today);
		audit.record(ConsumptionRoomsAudit.ROOM_REFERRAL_OUTCOME_RECORDED, "consumption-room-referral",
				referralId.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, outcome.name());
		return referral.visitId();
	}

	/**
	 * A count as shown: the number, or suppressed when under {@value #SUPPRESS_UNDER}
	 * (and then its share too).
	 */
	public record Shown(long count, boolean suppressed, @Nullable Integer percent) {

		static Shown of(long count, long total) {
			if (count < SUPPRESS_UNDER) {
				return new Shown(0, true, null);
			}
			return new Shown(count, false, total == 0 ? null : (int) Math.round(100.0 * count / total));
		}

	}

	/**
	 * The service's report over a year: clients by housing (the shape of the seed's
	 * Wolverhampton figure) and the evaluation's counts, each count under
	 * {@value #SUPPRESS_UNDER} suppressed along with whatever would give it away.
	 */
	public record Report(int year, Shown clients, Map<HousingStatus, Shown> housing, Shown visits, Shown injections,
			Shown publicInjectingAvoided, Shown overdosesManaged, Shown overdosesSurvived, Shown referralsMade,
			Shown referralsCompleted) {
	}

	/**
	 * The agency's report for a calendar year: counts only (audited).
	 * @throws AccessDeniedException when the reader may not see it (audited)
	 */
	@Transactional(readOnly = true)
	public Report report(int year, HarmwatchUser reader) {
		refuseUnless(ConsumptionRoomsPolicy.listsVisits(reader), "needs consumption-rooms read for health");
		var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		var counts = visits.counts(reader.agencyCode(), from, to);
		var housing = visits.housing(reader.agencyCode(), from, to);
		long clients = counts.clients();
		var shownHousing = new EnumMap<HousingStatus, Shown>(HousingStatus.class);
		for (var status : HousingStatus.values()) {
			shownHousing.put(status, Shown.of(housing.getOrDefault(status, 0L), clients));
		}
		// One suppressed category could be worked out from the total and the others:
		// suppress the next smallest too.
		long hidden = shownHousing.values().stream().filter(Shown::suppressed).count();
		if (hidden == 1) {
			shownHousing.entrySet()
				.stream()
				.filter(e -> !e.getValue().suppressed())
				.min(Comparator.comparingLong(e -> e.getValue().count()))
				.ifPresent(e -> e.setValue(new Shown(0, true, null)));
		}
		audit.record(ConsumptionRoomsAudit.ROOM_REPORTS_VIEWED, "consumption-room-report", null, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, String.valueOf(year));
		return new Report(year, Shown.of(clients, clients), shownHousing, Shown.of(counts.visits(), counts.visits()),
				Shown.of(counts.injections(), counts.visits()),
				Shown.of(counts.publicInjectingAvoided(), counts.injections()),
				Shown.of(counts.overdosesManaged(), counts.overdosesManaged()),
				Shown.of(counts.overdosesSurvived(), counts.overdosesManaged()),
				Shown.of(counts.referralsMade(), counts.referralsMade()),
				Shown.of(counts.referralsCompleted(), counts.referralsMade()));
	}

	/**
	 * The agency's referrals still waiting for an outcome, for its staff's home page;
	 * none for anyone who may not record visits.
	 */
	@Transactional(readOnly = true)
	public OptionalLong pendingReferrals(HarmwatchUser user) {
		return ConsumptionRoomsPolicy.recordsVisits(user) ? OptionalLong.of(visits.pendingReferrals(user.agencyCode()))
				: OptionalLong.empty();
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private VisitRepository.VisitKey ownVisit(UUID visitId, HarmwatchUser user) {
		return visits.key(visitId)
			.filter(k -> k.owner().equals(user.agencyCode()))
			.orElseThrow(() -> new NotFoundException("consumptionrooms.notFound.visit", visitId));
	}

	private void refuseUnless(boolean allowed, String why) {
		if (!allowed) {
			audit.record(ConsumptionRoomsAudit.ROOM_VISIT_REFUSED, "consumption-room-visit", null, null,
					AuditLog.Outcome.DENIED, why);
			throw new AccessDeniedException("No consumption-room records: " + why);
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
