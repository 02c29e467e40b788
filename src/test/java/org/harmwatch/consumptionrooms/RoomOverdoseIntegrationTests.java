package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit publishes {@link SupervisedConsumptionRecorded}; an overdose managed in the
 * room with naloxone appears once in overdose surveillance and once in the naloxone
 * ledger, also when its event is delivered twice, one after the other or at once.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class RoomOverdoseIntegrationTests {

	@Autowired
	RoomManagement rooms;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

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
	RegionSettings region;

	HarmwatchUser clinic;

	UUID site;

	@BeforeEach
	void aRoomInDigbeth() {
		clinic = (HarmwatchUser) users.loadUserByUsername("clinic");
		site = rooms.setSite("BHM-OPC", "Digbeth overdose prevention centre", 52.4751, -1.8857, 8, "test");
	}

	UUID visit(String client) {
		return rooms.recordVisit(new VisitDraft(site, client, Instant.now().minus(1, ChronoUnit.HOURS), null,
				List.of("heroin"), ConsumptionRoute.INJECTED, "3", OtherwisePlace.PUBLIC_PLACE, HousingStatus.HOMELESS,
				"Supervised; no concerns", true), clinic);
	}

	@Test
	void aVisitIsPublishedOnceWithTheSitesDistrict(ApplicationEvents published) {
		var id = visit("OPC-0001");
		assertThat(published.stream(SupervisedConsumptionRecorded.class).filter(e -> e.visitId().equals(id)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.districtCode()).isEqualTo("E08000025");
				assertThat(e.on()).isEqualTo(rooms.visit(id, clinic).timeIn().atZone(region.timeZone()).toLocalDate());
			});
		var stored = rooms.visit(id, clinic);
		assertThat(stored.substances()).as("resolved through the vocabulary").containsExactly("Heroin");
		assertThat(stored.otherwise()).isEqualTo(OtherwisePlace.PUBLIC_PLACE);
		assertThat(stored.drugCheckingOffered()).isTrue();
	}

	@Test
	void anOverdoseWithNaloxoneIsOnceInSurveillanceAndOnceInTheLedgerHoweverOftenItIsDelivered() {
		var visit = visit("OPC-0002");
		var at = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		var overdose = rooms.recordOverdose(visit,
				new RoomOverdoseDraft(at, true, 2, "NASAL", true, RoomOverdoseOutcome.TO_HOSPITAL), clinic);
		awaitChain(overdose);
		assertOnceEverywhere(overdose);

		// Delivered again, as after a restart, and twice at once.
		var again = new RoomOverdoseManaged(overdose, at, "E08000025", "BHM-OPC", false, true, 2, "NASAL", true, true);
		transactions.executeWithoutResult(status -> events.publishEvent(again));
		awaitChain(overdose);
		EventPublications.deliverAtOnce(context, "roomOverdoseIntake", transactions, again, 2);
		awaitChain(overdose);
		assertOnceEverywhere(overdose);
	}

	void awaitChain(UUID overdose) {
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof RoomOverdoseManaged r && r.overdoseId().equals(overdose));
		var incident = incidentOf(overdose);
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof OverdoseRecorded r && r.incidentId().equals(incident));
	}

	UUID incidentOf(UUID overdose) {
		return jdbc.sql("SELECT id FROM overdose.incident WHERE source_reference = ?")
			.param("consumption-room:" + overdose)
			.query(UUID.class)
			.single();
	}

	void assertOnceEverywhere(UUID overdose) {
		var incidents = jdbc.sql(
				"SELECT owner_agency, source, lad_code, fatal, outcome FROM overdose.incident WHERE source_reference = ?")
			.param("consumption-room:" + overdose)
			.query()
			.listOfRows();
		assertThat(incidents).hasSize(1);
		assertThat(incidents.getFirst()).containsEntry("owner_agency", "BHM-OPC")
			.containsEntry("source", "CONSUMPTION_ROOM")
			.containsEntry("lad_code", "E08000025")
			.containsEntry("fatal", false)
			.containsEntry("outcome", "CONVEYED");
		var incident = incidentOf(overdose);
		var administrations = jdbc
			.sql("SELECT given_by, doses, route FROM naloxone.administration WHERE incident_id = ?")
			.param(incident)
			.query()
			.listOfRows();
		assertThat(administrations).hasSize(1);
		assertThat(administrations.getFirst()).containsEntry("given_by", "STAFF")
			.containsEntry("doses", 2)
			.containsEntry("route", "NASAL");
		assertThat(jdbc.sql("SELECT count(*) FROM naloxone.reissue_task WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
