package org.harmwatch.naloxone.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Set;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.naloxone.AdministrationOutcome;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.overdose.OverdosesImported;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.AgencyType;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes in overdoses recorded in {@code overdose} (one by one, or a few thousand at once
 * from an import): records each administration of naloxone (for the figures), and opens
 * one reissue task per holder whose kit a police officer, a paramedic or a service's
 * staff used.
 *
 * <p>
 * Idempotent: administrations are keyed by incident and position, tasks by incident and
 * holder agency, so an event delivered twice (after a restart) or twice at once changes
 * nothing the second time. The holder is the agency named in the administration; when
 * none is named, a police officer's or paramedic's kit is taken to be the reporting
 * agency's if that agency is a police force or an ambulance service. A peer's kit is the
 * person's own, replaced when they come back to their service, so it opens no task.
 */
@Component
class OverdoseIntake {

	/** Who acts for this listener in the audit log. */
	static final String ACTOR = "system:naloxone-reissue";

	private static final Set<NaloxoneGiver> KIT_HOLDERS = Set.of(NaloxoneGiver.POLICE, NaloxoneGiver.PARAMEDIC,
			NaloxoneGiver.STAFF);

	private final RecordsRepository records;

	private final LedgerRepository ledger;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final Clock clock;

	OverdoseIntake(RecordsRepository records, LedgerRepository ledger, AgencyManagement agencies, AuditLog audit,
			Clock clock) {
		this.records = records;
		this.ledger = ledger;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OverdosesImported imported) {
		for (var event : imported.incidents()) {
			on(event);
		}
	}

	@ApplicationModuleListener
	void on(OverdoseRecorded event) {
		var now = clock.instant();
		var outcome = event.fatal() ? AdministrationOutcome.DIED : AdministrationOutcome.SURVIVED;
		var dosesByHolder = new LinkedHashMap<String, Integer>();
		var giverByHolder = new LinkedHashMap<String, NaloxoneGiver>();
		int ordinal = 0;
		for (var given : event.naloxone()) {
			ordinal++;
			records.addIncidentAdministration(event.reportingAgencyCode(), event.incidentId(), ordinal,
					event.occurredAt(), given.givenBy().name(), given.holderAgencyCode(), given.doses(),
					given.route().name(), outcome, event.ladCode(), now);
			var holder = holderOf(given, event.reportingAgencyCode());
			if (holder != null) {
				dosesByHolder.merge(holder, given.doses(), Integer::sum);
				giverByHolder.putIfAbsent(holder, given.givenBy());
			}
		}
		dosesByHolder.forEach((holderAgency, doses) -> {
			var holder = ledger.holderOfAgency(holderAgency);
			var owner = holder.map(h -> h.ownerAgency()).orElse(holderAgency);
			boolean opened = records.openReissueTask(owner, holderAgency, holder.map(h -> h.id()).orElse(null),
					event.incidentId(), giverByHolder.get(holderAgency).name(), doses, event.occurredAt(), now);
			if (opened) {
				audit.recordFor(ACTOR, owner, NaloxoneAudit.NALOXONE_REISSUE_TASK_CREATED, "naloxone-reissue-task",
						event.incidentId().toString(), null, Outcome.ALLOWED, "holder " + holderAgency);
			}
		});
	}

	/** The agency whose kit was used, or {@code null} when no holder's kit was. */
	private @Nullable String holderOf(NaloxoneAdministration given, String reportingAgency) {
		if (!KIT_HOLDERS.contains(given.givenBy())) {
			return null;
		}
		if (given.holderAgencyCode() != null) {
			return given.holderAgencyCode();
		}
		var expected = switch (given.givenBy()) {
			case POLICE -> AgencyType.POLICE_FORCE;
			case PARAMEDIC -> AgencyType.AMBULANCE_SERVICE;
			default -> null;
		};
		if (expected == null) {
			return null;
		}
		return agencies.agency(reportingAgency)
			.map(AgencySummary::type)
			.filter(expected::equals)
			.map(t -> reportingAgency)
			.orElse(null);
	}

}
