package org.harmwatch.overdose;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.internal.IncidentIntake;
import org.harmwatch.overdose.internal.IncidentLocator;
import org.harmwatch.overdose.internal.IncidentRepository;
import org.harmwatch.overdose.internal.OverdoseAudit;
import org.harmwatch.overdose.internal.OverdosePolicy;
import org.harmwatch.overdose.internal.StoredIncident;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdose incidents in and out: recording one (form, partner API, import), reading one,
 * and listing them, each within {@code OverdosePolicy} and audited.
 */
@Service
public class OverdoseManagement {

	/** Incidents on one page of the list. */
	public static final int PAGE_SIZE = 50;

	/** The last page a list goes to; beyond it, narrow the filter. */
	public static final int MAX_PAGE = 10_000;

	private final IncidentIntake intake;

	private final IncidentRepository incidents;

	private final IncidentLocator locator;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final ZoneId zone;

	private final GeographyManagement geography;

	OverdoseManagement(IncidentIntake intake, IncidentRepository incidents, IncidentLocator locator,
			SharingManagement sharing, AuditLog audit, RegionSettings region, GeographyManagement geography) {
		this.geography = geography;
		this.intake = intake;
		this.incidents = incidents;
		this.locator = locator;
		this.sharing = sharing;
		this.audit = audit;
		this.zone = region.timeZone();
	}

	/**
	 * Records an incident for the user's agency, held for policing when the agency is law
	 * enforcement and for health otherwise.
	 * @throws AccessDeniedException when the user may not record incidents (audited)
	 * @throws org.harmwatch.platform.InputRejectedException naming what is wrong
	 */
	@Transactional
	public Recorded record(IncidentDraft draft, HarmwatchUser user, RecordedVia via) {
		var purpose = OverdosePolicy.purposeOf(user);
		if (!OverdosePolicy.mayRecord(user)) {
			audit.record(OverdoseAudit.OVERDOSE_RECORD_REFUSED, "overdose-incident", null, purpose,
					AuditLog.Outcome.DENIED, "needs overdose write for " + purpose);
			throw new AccessDeniedException("No overdose write for " + purpose);
		}
		var recorded = intake.record(draft,
				new IncidentIntake.Recorder(user.agencyCode(), user.agencyType(), user.getUsername()), via);
		audit.record(OverdoseAudit.OVERDOSE_RECORDED, "overdose-incident", recorded.id().toString(), purpose,
				AuditLog.Outcome.ALLOWED, via + (recorded.created() ? "" : ", sent before"));
		return recorded;
	}

	/**
	 * One incident as the reader may see it (audited).
	 * @throws NotFoundException when there is none, or the reader may not read it (a
	 * refusal says nothing about whether it exists, and is audited)
	 */
	@Transactional(readOnly = true)
	public IncidentView incident(UUID id, HarmwatchUser reader) {
		var found = incidents.find(id);
		if (found.isPresent()) {
			var incident = found.get();
			var shared = incident.ownerAgency().equals(reader.agencyCode()) ? Set.<Purpose>of() : sharing
				.sharedPurposes(incident.ownerAgency(), reader.agencyCode(), Capability.OVERDOSE, Action.READ);
			var detail = OverdosePolicy.detail(reader, incident.ownerAgency(), incident.purpose(), shared);
			if (detail != null) {
				audit.record(OverdoseAudit.OVERDOSE_VIEWED, "overdose-incident", id.toString(), incident.purpose(),
						AuditLog.Outcome.ALLOWED, detail.name());
				return view(incident, detail);
			}
			audit.record(OverdoseAudit.OVERDOSE_REFUSED, "overdose-incident", id.toString(), incident.purpose(),
					AuditLog.Outcome.DENIED, "owned by " + incident.ownerAgency() + ", not shared for reading");
		}
		throw new NotFoundException("overdose.notFound.incident", id);
	}

	/**
	 * A page of the incidents the reader may read, newest first: their agency's, and
	 * those other agencies share with it (audited, with the filter).
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public IncidentPage incidents(IncidentFilter filter, int page, HarmwatchUser reader) {
		if (!OverdosePolicy.mayRead(reader)) {
			audit.record(OverdoseAudit.OVERDOSES_LISTED, "overdose-incident", null, null, AuditLog.Outcome.DENIED,
					"needs overdose read");
			throw new AccessDeniedException("No overdose read");
		}
		Map<String, Set<Purpose>> shared = sharing.sharingWith(reader.agencyCode(), Capability.OVERDOSE, Action.READ);
		var owners = owners(reader, shared);
		var query = new IncidentRepository.Query(owners,
				filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
				filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant(), filter.ladCode(),
				filter.fatal());
		int number = Math.max(1, Math.min(page, MAX_PAGE));
		var rows = incidents.page(query, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		long total = incidents.count(query);
		var views = new ArrayList<IncidentView>();
		for (var incident : rows) {
			var detail = OverdosePolicy.detail(reader, incident.ownerAgency(), incident.purpose(),
					shared.getOrDefault(incident.ownerAgency(), Set.of()));
			if (detail != null) {
				views.add(view(incident, detail));
			}
		}
		audit.record(OverdoseAudit.OVERDOSES_LISTED, "overdose-incident", null, null, AuditLog.Outcome.ALLOWED,
				"page " + number + " of " + total + " (" + filter + ")");
		return new IncidentPage(List.copyOf(views), number, PAGE_SIZE, total);
	}

	/**
	 * The live map and epidemic curve of the incidents the reader may read (audited, with
	 * the filter): points only of incidents the policy lets them see in full, counts per
	 * area of every one. Counts are not suppressed: the reader may read each incident
	 * counted; the published statistics are the suppressed view for everyone else.
	 * @throws AccessDeniedException when the user may not read incidents (audited)
	 */
	@Transactional(readOnly = true)
	public IncidentMap map(MapFilter filter, HarmwatchUser reader) {
		if (!OverdosePolicy.mayRead(reader)) {
			audit.record(OverdoseAudit.OVERDOSE_MAP_READ, "overdose-incident", null, null, AuditLog.Outcome.DENIED,
					"needs overdose read");
			throw new AccessDeniedException("No overdose read");
		}
		Map<String, Set<Purpose>> shared = sharing.sharingWith(reader.agencyCode(), Capability.OVERDOSE, Action.READ);
		var query = new IncidentRepository.Query(owners(reader, shared), filter.from().atStartOfDay(zone).toInstant(),
				filter.to().plusDays(1).atStartOfDay(zone).toInstant(), filter.ladCode(), filter.fatal(),
				filter.substanceClass() == null ? null : filter.substanceClass().name());
		var areas = new HashMap<String, Area>();
		geography.areas(filter.level()).forEach(a -> areas.put(a.code(), a));
		var wardOfLsoa = new HashMap<String, String>();
		if (filter.level() == AreaLevel.WARD) {
			geography.areas(AreaLevel.LSOA).forEach(a -> {
				if (a.wardCode() != null) {
					wardOfLsoa.put(a.code(), a.wardCode());
				}
			});
		}
		var weekly = filter.interval() == MapFilter.Interval.WEEK;
		var firstBar = weekly ? filter.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : filter.from();
		int bars = (int) ChronoUnit.DAYS.between(firstBar, filter.to()) / (weekly ? 7 : 1) + 1;
		long[] fatalPerBar = new long[bars];
		long[] nonFatalPerBar = new long[bars];
		var points = new ArrayList<IncidentMap.Point>();
		var perArea = new HashMap<String, long[]>();
		long unplaced = 0;
		long total = 0;
		var detailByOwnerAndPurpose = new HashMap<String, OverdosePolicy.Detail>();
		long[][] byDayAndHour = new long[7][24];
		for (var row : incidents.mapRows(query)) {
			var detail = detailByOwnerAndPurpose.computeIfAbsent(row.ownerAgency() + " " + row.purpose(),
					key -> OverdosePolicy.detail(reader, row.ownerAgency(), row.purpose(),
							shared.getOrDefault(row.ownerAgency(), Set.of())));
			if (detail == null) {
				continue;
			}
			total++;
			if (detail == OverdosePolicy.Detail.FULL && row.lat() != null && row.lon() != null) {
				points.add(new IncidentMap.Point(row.lat(), row.lon(), row.fatal()));
			}
			var area = areaAt(filter.level(), row, wardOfLsoa);
			if (area == null && filter.level() == AreaLevel.WARD && row.lat() != null && row.lon() != null) {
				// No best-fit ward for the LSOA: the ward the point lies in.
				var ward = geography.lookup(row.lat(), row.lon()).map(found -> found.ward()).orElse(null);
				area = ward == null ? null : ward.code();
			}
			if (area != null && areas.containsKey(area)) {
				var counts = perArea.computeIfAbsent(area, code -> new long[2]);
				counts[0]++;
				if (row.fatal()) {
					counts[1]++;
				}
			}
			else {
				unplaced++;
			}
			var local = row.occurredAt().atZone(zone);
			byDayAndHour[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
			var day = local.toLocalDate();
			int bar = (int) (ChronoUnit.DAYS.between(firstBar, day) / (weekly ? 7 : 1));
			if (bar >= 0 && bar < bars) {
				if (row.fatal()) {
					fatalPerBar[bar]++;
				}
				else {
					nonFatalPerBar[bar]++;
				}
			}
		}
		var counts = new ArrayList<IncidentMap.AreaCount>();
		perArea.forEach((code, n) -> {
			var area = areas.get(code);
			counts.add(new IncidentMap.AreaCount(code, area.name(), area.ladName(), n[0], n[1]));
		});
		counts.sort(Comparator.comparingLong(IncidentMap.AreaCount::incidents)
			.reversed()
			.thenComparing(IncidentMap.AreaCount::name)
			.thenComparing(IncidentMap.AreaCount::code));
		var curve = new ArrayList<IncidentMap.Bar>();
		for (int i = 0; i < bars; i++) {
			var start = firstBar.plusDays((long) i * (weekly ? 7 : 1));
			var end = weekly ? start.plusDays(6) : start;
			curve.add(new IncidentMap.Bar(start.isBefore(filter.from()) ? filter.from() : start,
					end.isAfter(filter.to()) ? filter.to() : end, fatalPerBar[i], nonFatalPerBar[i]));
		}
		var hours = new ArrayList<IncidentMap.DayHours>();
		for (var weekday : DayOfWeek.values()) {
			var perHour = new ArrayList<Long>();
			for (long n : byDayAndHour[weekday.getValue() - 1]) {
				perHour.add(n);
			}
			hours.add(new IncidentMap.DayHours(weekday, perHour));
		}
		audit.record(OverdoseAudit.OVERDOSE_MAP_READ, "overdose-incident", null, null, AuditLog.Outcome.ALLOWED,
				total + " incidents, " + points.size() + " points (" + filter + ")");
		return new IncidentMap(filter, geography.vintage(filter.level()), points, counts, unplaced, total, curve,
				hours);
	}

	private static @Nullable String areaAt(AreaLevel level, IncidentRepository.MapRow row,
			Map<String, String> wardOfLsoa) {
		if (row.areaCode() == null || row.areaLevel() == null) {
			return null;
		}
		if (row.areaLevel().equals(level.urlName())) {
			return row.areaCode();
		}
		if (level == AreaLevel.WARD && row.areaLevel().equals(AreaLevel.LSOA.urlName())) {
			return wardOfLsoa.get(row.areaCode());
		}
		return null;
	}

	private static List<String> owners(HarmwatchUser reader, Map<String, Set<Purpose>> shared) {
		var owners = new ArrayList<String>();
		owners.add(reader.agencyCode());
		shared.forEach((owner, purposes) -> {
			if (!OverdosePolicy.readablePurposes(reader, owner, purposes).isEmpty()) {
				owners.add(owner);
			}
		});
		return owners;
	}

	private IncidentView view(StoredIncident i, OverdosePolicy.Detail detail) {
		boolean full = detail == OverdosePolicy.Detail.FULL;
		return new IncidentView(i.id(), i.occurredAt(), i.fatal(), i.source(), i.ownerAgency(), i.areaCode(),
				locator.name(i.areaCode()), i.ladCode(), locator.name(i.ladCode()), i.postcodeDistrict(),
				i.substances(), i.substanceClasses(), i.substanceBasis(), i.outcome(), i.naloxone(), i.recordedVia(),
				full, full ? i.lat() : null, full ? i.lon() : null, full ? i.personCode() : null,
				full ? i.repeatWithinYear() : null, full ? i.ageBand() : null, full ? i.sex() : null);
	}

}
