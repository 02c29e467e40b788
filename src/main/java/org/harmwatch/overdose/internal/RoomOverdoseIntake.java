package org.harmwatch.overdose.internal;

import java.util.List;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.consumptionrooms.RoomOverdoseManaged;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.shared.AgencyType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes in overdoses managed in a consumption room as incidents of the site's agency
 * (source {@code CONSUMPTION_ROOM}, in the site's district, naloxone given by staff from
 * the site's kit), so that surveillance counts them and the naloxone ledger hears of them
 * through {@code OverdoseRecorded}.
 *
 * <p>
 * Idempotent: the incident's source reference is the room's overdose id, so an event
 * delivered twice (after a restart) or twice at once is recorded, and published on, once.
 */
@Component
class RoomOverdoseIntake {

	/** Who records for this listener. */
	static final String ACTOR = "system:consumption-rooms";

	private final IncidentIntake intake;

	private final AgencyManagement agencies;

	RoomOverdoseIntake(IncidentIntake intake, AgencyManagement agencies) {
		this.intake = intake;
		this.agencies = agencies;
	}

	@ApplicationModuleListener
	void on(RoomOverdoseManaged event) {
		var naloxone = event.naloxoneDoses() == 0 ? List.<NaloxoneAdministration>of()
				: List.of(new NaloxoneAdministration(NaloxoneGiver.STAFF, event.siteAgencyCode(), event.naloxoneDoses(),
						"INJECTED".equals(event.naloxoneRoute()) ? NaloxoneRoute.INJECTED : NaloxoneRoute.NASAL));
		var outcome = event.fatal() ? IncidentOutcome.DIED
				: event.toHospital() ? IncidentOutcome.CONVEYED : IncidentOutcome.REVIVED;
		var draft = new IncidentDraft(event.occurredAt(), null, null, event.ladCode(), event.fatal(), naloxone,
				IncidentSource.CONSUMPTION_ROOM, "consumption-room:" + event.overdoseId(), null, null, List.of(), null,
				outcome, null);
		var type = agencies.agency(event.siteAgencyCode())
			.map(AgencySummary::type)
			.orElse(AgencyType.CONSUMPTION_ROOM_OPERATOR);
		intake.record(draft, new IncidentIntake.Recorder(event.siteAgencyCode(), type, ACTOR), RecordedVia.API);
	}

}
