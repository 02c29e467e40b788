package org.harmwatch.naloxone;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An overdose recorded in {@code overdose} with naloxone from a police or ambulance kit
 * opens exactly one reissue task for that holder, however often its event is delivered
 * (one after the other, as after a restart, or twice at once); a peer's kit opens none.
 */
@HarmwatchIntegrationTest
class NaloxoneReissueIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KitLedgerManagement ledger;

	@Autowired
	UserDetailsService users;

	UUID incident;

	@BeforeEach
	void newIncident() {
		incident = UUID.randomUUID();
	}

	OverdoseRecorded overdose(String reporter, boolean fatal, NaloxoneAdministration... given) {
		return new OverdoseRecorded(incident, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
				"E08000025", fatal, reporter, List.of(given));
	}

	/** Publishes the event (its listeners run after the commit) and waits for them. */
	void deliver(OverdoseRecorded event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof OverdoseRecorded r && r.incidentId().equals(event.incidentId()));
	}

	/**
	 * Delivers the event to the naloxone listener twice at once, as two instances would.
	 */
	void deliverTwiceAtOnce(OverdoseRecorded event) {
		EventPublications.deliverAtOnce(context, "overdoseIntake", transactions, event, 2);
	}

	record Task(String holder, String owner, String givenBy, int doses) {
	}

	List<Task> tasks() {
		return jdbc.sql("""
				SELECT holder_agency_code, owner_agency, given_by, doses FROM naloxone.reissue_task
				WHERE incident_id = ? ORDER BY holder_agency_code
				""")
			.param(incident)
			.query((rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	long administrations() {
		return jdbc.sql("SELECT count(*) FROM naloxone.administration WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
	}

	@Test
	void aPoliceAdministrationOpensExactlyOneTaskAlsoWhenTheEventIsDeliveredTwice() {
		var event = overdose("WMAS", false,
				new NaloxoneAdministration(NaloxoneGiver.POLICE, "WMP", 2, NaloxoneRoute.NASAL));
		deliver(event);
		assertThat(tasks()).containsExactly(new Task("WMP", "WMP", "POLICE", 2));
		deliver(event); // again, as after a restart
		deliverTwiceAtOnce(event);
		assertThat(tasks()).containsExactly(new Task("WMP", "WMP", "POLICE", 2));
		assertThat(administrations()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM platform.audit_event
				WHERE action = 'NALOXONE_REISSUE_TASK_CREATED' AND record_id = ?
				""").param(incident.toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aParamedicsKitIsTheReportingAmbulanceServicesWhenNoHolderIsNamed() {
		deliverTwiceAtOnce(overdose("WMAS", false,
				new NaloxoneAdministration(NaloxoneGiver.PARAMEDIC, null, 1, NaloxoneRoute.INJECTED)));
		assertThat(tasks()).containsExactly(new Task("WMAS", "WMAS", "PARAMEDIC", 1));
	}

	@Test
	void aPeersKitOpensNoTaskAndAnUnnamedPoliceKitOnlyAtAPoliceReport() {
		deliver(overdose("BHM-TREAT", false,
				new NaloxoneAdministration(NaloxoneGiver.PEER, null, 2, NaloxoneRoute.NASAL),
				new NaloxoneAdministration(NaloxoneGiver.PEER, "BHM-TREAT", 1, NaloxoneRoute.NASAL),
				new NaloxoneAdministration(NaloxoneGiver.POLICE, null, 1, NaloxoneRoute.NASAL)));
		assertThat(tasks()).isEmpty();
		assertThat(administrations()).isEqualTo(3);
	}

	@Test
	void twoAdministrationsFromOneHolderAreOneTaskWithTheirDosesAdded() {
		deliver(overdose("WMP", true, new NaloxoneAdministration(NaloxoneGiver.POLICE, null, 1, NaloxoneRoute.NASAL),
				new NaloxoneAdministration(NaloxoneGiver.PARAMEDIC, "WMAS", 2, NaloxoneRoute.INJECTED),
				new NaloxoneAdministration(NaloxoneGiver.POLICE, "WMP", 1, NaloxoneRoute.NASAL)));
		assertThat(tasks()).containsExactly(new Task("WMAS", "WMAS", "PARAMEDIC", 2),
				new Task("WMP", "WMP", "POLICE", 2));
		assertThat(jdbc.sql("SELECT DISTINCT outcome FROM naloxone.administration WHERE incident_id = ?")
			.param(incident)
			.query(String.class)
			.list()).containsExactly("DIED");
	}

	@Test
	void aTaskForAHolderInALedgerIsThatLedgersAndItsLeadMarksItDone() {
		var lead = (HarmwatchUser) users.loadUserByUsername("naloxone");
		var force = "PF-" + incident.toString().substring(0, 8).toUpperCase();
		ledger.addHolder(lead, new HolderDraft(HolderKind.POLICE_OFFICERS, "Officers of " + force, force, null, null,
				null, null, false, false));
		deliver(overdose(force, false,
				new NaloxoneAdministration(NaloxoneGiver.POLICE, force, 1, NaloxoneRoute.NASAL)));
		assertThat(tasks()).containsExactly(new Task(force, "BHM-TREAT", "POLICE", 1));
		var task = ledger.ledger(lead)
			.tasks()
			.stream()
			.filter(t -> t.holderAgencyCode().equals(force))
			.findFirst()
			.orElseThrow();
		assertThat(task.holderName()).isEqualTo("Officers of " + force);
		ledger.reissued(lead, task.id());
		assertThat(ledger.ledger(lead).tasks()).noneMatch(t -> t.holderAgencyCode().equals(force));
	}

}
