package org.harmwatch.overdose;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
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

	OverdoseManagement(IncidentIntake intake, IncidentRepository incidents, IncidentLocator locator,
			SharingManagement sharing, AuditLog audit, RegionSettings region) {
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
		var owners = new ArrayList<String>();
		owners.add(reader.agencyCode());
		shared.forEach((owner, purposes) -> {
			if (!OverdosePolicy.readablePurposes(reader, owner, purposes).isEmpty()) {
				owners.add(owner);
			}
		});
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

	private IncidentView view(StoredIncident i, OverdosePolicy.Detail detail) {
		boolean full = detail == OverdosePolicy.Detail.FULL;
		return new IncidentView(i.id(), i.occurredAt(), i.fatal(), i.source(), i.ownerAgency(), i.areaCode(),
				locator.name(i.areaCode()), i.ladCode(), locator.name(i.ladCode()), i.postcodeDistrict(),
				i.substances(), i.substanceClasses(), i.substanceBasis(), i.outcome(), i.naloxone(), i.recordedVia(),
				full, full ? i.lat() : null, full ? i.lon() : null, full ? i.personCode() : null,
				full ? i.repeatWithinYear() : null, full ? i.ageBand() : null, full ? i.sex() : null);
	}

}
