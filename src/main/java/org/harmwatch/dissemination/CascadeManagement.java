package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.StaffContact;
import org.harmwatch.dissemination.internal.CascadeLeads;
import org.harmwatch.dissemination.internal.DisseminationAudit;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cascade leads (the LDIS model): each agency names one member of its staff who has every
 * alert to professionals, must acknowledge it and cascades it inside the agency, and a
 * deputy who has it when the lead has not acknowledged within the escalation time; then
 * the out-of-hours lead is told. Named by administrators and the early-warning
 * coordinator; the delivery log shows per alert who acknowledged for each agency.
 */
@Service
public class CascadeManagement {

	private final CascadeLeads leads;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	CascadeManagement(CascadeLeads leads, AgencyManagement agencies, AuditLog audit) {
		this.leads = leads;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** Every agency's lead and deputy, by agency; audited, as it names staff. */
	@Transactional(readOnly = true)
	public List<CascadeLeadView> leads() {
		var staff = staffById();
		var names = agencyNames();
		audit.record(DisseminationAudit.CASCADE_LEADS_VIEWED, "cascade-lead", null, Purpose.ADMINISTRATION,
				Outcome.ALLOWED, null);
		return leads.leads()
			.stream()
			.map(l -> new CascadeLeadView(l.agencyCode(), names.getOrDefault(l.agencyCode(), l.agencyCode()), l.lead(),
					name(staff, l.lead()), l.deputy(), l.deputy() == null ? null : name(staff, l.deputy()), l.namedBy(),
					l.namedAt()))
			.toList();
	}

	/** The active staff of each agency who may be named, by agency code: id to name. */
	@Transactional(readOnly = true)
	public Map<String, Map<UUID, String>> candidates() {
		var result = new HashMap<String, Map<UUID, String>>();
		for (var member : agencies.staffContacts()) {
			result.computeIfAbsent(member.agencyCode(), a -> new LinkedHashMap<>())
				.put(member.id(), member.displayName() + " (" + member.email() + ")");
		}
		return result;
	}

	/**
	 * Names (or renames) an agency's cascade lead and deputy: active staff of that
	 * agency, two different people.
	 * @throws InputRejectedException when they are not
	 */
	@Transactional
	public void name(String agencyCode, UUID lead, @Nullable UUID deputy, String by, Instant now) {
		var problems = new ArrayList<FieldProblem>();
		if (agencies.agency(agencyCode).isEmpty()) {
			problems.add(FieldProblem.of("agencyCode", "dissemination.error.noAgency", agencyCode));
		}
		var staff = staffById();
		if (!memberOf(staff, lead, agencyCode)) {
			problems.add(FieldProblem.of("lead", "dissemination.cascade.error.lead"));
		}
		if (deputy != null && !memberOf(staff, deputy, agencyCode)) {
			problems.add(FieldProblem.of("deputy", "dissemination.cascade.error.deputy"));
		}
		if (lead.equals(deputy)) {
			problems.add(FieldProblem.of("deputy", "dissemination.cascade.error.same"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		leads.name(agencyCode, lead, deputy, by, now);
		audit.record(DisseminationAudit.CASCADE_LEAD_NAMED, "cascade-lead", agencyCode, Purpose.ADMINISTRATION,
				Outcome.ALLOWED, deputy == null ? "no deputy" : "with deputy");
	}

	/** Removes an agency's cascade lead; returns whether there was one. */
	@Transactional
	public boolean remove(String agencyCode) {
		boolean removed = leads.remove(agencyCode);
		if (removed) {
			audit.record(DisseminationAudit.CASCADE_LEAD_REMOVED, "cascade-lead", agencyCode, Purpose.ADMINISTRATION,
					Outcome.ALLOWED, null);
		}
		return removed;
	}

	/** Who acknowledged one alert for each agency, and who was sent it on. */
	@Transactional(readOnly = true)
	public List<CascadeStatus> status(UUID alertId) {
		var rows = leads.deliveries(alertId);
		if (rows.isEmpty()) {
			return List.of();
		}
		var staff = staffById();
		var names = agencyNames();
		return rows.stream()
			.map(d -> new CascadeStatus(d.agencyCode(), names.getOrDefault(d.agencyCode(), d.agencyCode()),
					d.staffId() == null ? null : name(staff, d.staffId()), "DEPUTY".equals(d.cascade()), d.version(),
					DeliveryState.valueOf(d.state()), d.sentAt(), d.acknowledgedAt(), d.escalatedAt()))
			.toList();
	}

	private Map<UUID, StaffContact> staffById() {
		var result = new HashMap<UUID, StaffContact>();
		agencies.staffContacts().forEach(m -> result.put(m.id(), m));
		return result;
	}

	private Map<String, String> agencyNames() {
		var result = new HashMap<String, String>();
		agencies.agencies().forEach(a -> result.put(a.code(), a.name()));
		return result;
	}

	private static boolean memberOf(Map<UUID, StaffContact> staff, UUID id, String agencyCode) {
		var member = staff.get(id);
		return member != null && member.agencyCode().equals(agencyCode);
	}

	/** Their name, or {@code null} when they are no longer active staff. */
	private static @Nullable String name(Map<UUID, StaffContact> staff, UUID id) {
		var member = staff.get(id);
		return member == null ? null : member.displayName();
	}

}
