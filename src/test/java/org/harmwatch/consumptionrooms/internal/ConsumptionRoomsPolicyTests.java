package org.harmwatch.consumptionrooms.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

/**
 * {@link ConsumptionRoomsPolicy} as tables: who records and reads visits, who reads and
 * sweeps needle reports, who reads recording quality and who sets which council answers
 * for each district, by agency type, grants, ownership and agreements.
 */
class ConsumptionRoomsPolicyTests {

	static final String SITE = "BHM-OPC";

	static final String COUNCIL = "COV-ENV";

	static HarmwatchUser user(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant rooms(Action action, Purpose purpose) {
		return new Grant(Capability.CONSUMPTION_ROOMS, action, purpose);
	}

	static Stream<Arguments> visits() {
		var none = Set.<Purpose>of();
		var health = Set.of(HEALTH);
		var room = AgencyType.CONSUMPTION_ROOM_OPERATOR;
		return Stream.of(
				// agency, type, grants, shared purposes, records, lists, reads the site's
				// visit
				Arguments.of(SITE, room, new Grant[] { rooms(Action.WRITE, HEALTH), rooms(Action.READ, HEALTH) }, none,
						true, true, true),
				Arguments.of(SITE, room, new Grant[] { rooms(Action.READ, HEALTH) }, none, false, true, true),
				// Another health agency reads only what the site shares for health.
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { rooms(Action.READ, HEALTH) },
						none, false, true, false),
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { rooms(Action.READ, HEALTH) },
						health, false, true, true),
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER,
						new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) },
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), false, false, false),
				// Police never, whatever they are granted or shared.
				Arguments.of("WMP", AgencyType.POLICE_FORCE,
						new Grant[] { rooms(Action.READ, HEALTH), rooms(Action.WRITE, HEALTH) }, health, false, false,
						false),
				Arguments.of("WMP", AgencyType.POLICE_FORCE,
						new Grant[] { rooms(Action.READ, POLICING), rooms(Action.WRITE, POLICING) },
						Set.of(POLICING, HEALTH), false, false, false),
				Arguments.of("HMP-BHM", AgencyType.PRISON, new Grant[] { rooms(Action.READ, HEALTH) }, health, false,
						false, false),
				// A council's sweeper reads no visit, even its own agency's.
				Arguments.of(SITE, AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES,
						new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE),
								rooms(Action.WRITE, PUBLIC_HEALTH_INTELLIGENCE) },
						none, false, false, false),
				// A health grant at an agency that holds no health purpose records
				// nothing.
				Arguments.of(COUNCIL, AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { rooms(Action.WRITE, HEALTH) },
						none, false, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void visits(String agency, AgencyType type, Grant[] grants, Set<Purpose> shared, boolean records, boolean lists,
			boolean reads) {
		var user = user(agency, type, grants);
		assertThat(ConsumptionRoomsPolicy.recordsVisits(user)).as("records").isEqualTo(records);
		assertThat(ConsumptionRoomsPolicy.listsVisits(user)).as("lists").isEqualTo(lists);
		assertThat(ConsumptionRoomsPolicy.readsVisit(user, SITE, shared)).as("reads").isEqualTo(reads);
	}

	static Stream<Arguments> needles() {
		var council = AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES;
		var sweeper = new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE),
				rooms(Action.WRITE, PUBLIC_HEALTH_INTELLIGENCE) };
		return Stream.of(
				// agency, type, grants, report owner, lists, reads, sweeps
				Arguments.of(COUNCIL, council, sweeper, COUNCIL, true, true, true),
				Arguments.of(COUNCIL, council, new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) }, COUNCIL,
						true, true, false),
				// Another council's report, or one no council holds yet.
				Arguments.of(COUNCIL, council, sweeper, "BCC-ENV", true, false, false),
				Arguments.of(COUNCIL, council, sweeper, null, true, false, false),
				// Clinic staff (health grants) see no needle report.
				Arguments.of(SITE, AgencyType.CONSUMPTION_ROOM_OPERATOR,
						new Grant[] { rooms(Action.READ, HEALTH), rooms(Action.WRITE, HEALTH) }, SITE, false, false,
						false),
				// Police never, even with the grants and their own agency as owner.
				Arguments.of("WMP", AgencyType.POLICE_FORCE, sweeper, "WMP", false, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void needles(String agency, AgencyType type, Grant[] grants, String owner, boolean lists, boolean reads,
			boolean sweeps) {
		var user = user(agency, type, grants);
		assertThat(ConsumptionRoomsPolicy.listsReports(user)).as("lists").isEqualTo(lists);
		assertThat(ConsumptionRoomsPolicy.readsReport(user, owner)).as("reads").isEqualTo(reads);
		assertThat(ConsumptionRoomsPolicy.sweeps(user, owner)).as("sweeps").isEqualTo(sweeps);
	}

	static Stream<Arguments> quality() {
		return Stream.of(
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE,
						new Grant[] { new Grant(Capability.PROGRAMME, Action.READ, PUBLIC_HEALTH_INTELLIGENCE) }, true),
				Arguments.of(AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES,
						new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) }, true),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { rooms(Action.READ, HEALTH) }, false),
				Arguments.of(AgencyType.POLICE_FORCE,
						new Grant[] { new Grant(Capability.PROGRAMME, Action.READ, PUBLIC_HEALTH_INTELLIGENCE) },
						false));
	}

	@ParameterizedTest
	@MethodSource
	void quality(AgencyType type, Grant[] grants, boolean reads) {
		assertThat(ConsumptionRoomsPolicy.readsQuality(user("X", type, grants))).isEqualTo(reads);
	}

	static Stream<Arguments> mapsAndEvaluation() {
		var programme = new Grant(Capability.PROGRAMME, Action.READ, PUBLIC_HEALTH_INTELLIGENCE);
		return Stream.of(
				// agency, type, grants, maps, evaluates every site, evaluates SITE's
				Arguments.of("OPCC", AgencyType.COMMISSIONERS_OFFICE, new Grant[] { programme }, true, true, true),
				Arguments.of(COUNCIL, AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES,
						new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) }, true, false, false),
				// A room's health staff: their own site only, and no needle map.
				Arguments.of(SITE, AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { rooms(Action.READ, HEALTH) },
						false, false, true),
				Arguments.of("BHM-OPC2", AgencyType.CONSUMPTION_ROOM_OPERATOR,
						new Grant[] { rooms(Action.READ, HEALTH) }, false, false, false),
				// A treatment provider with a health grant runs no site.
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { rooms(Action.READ, HEALTH) },
						false, false, false),
				// Police never, whatever they are granted, even as the owner.
				Arguments.of(SITE, AgencyType.POLICE_FORCE,
						new Grant[] { programme, rooms(Action.READ, HEALTH),
								rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) },
						false, false, false),
				Arguments.of("HMP-BHM", AgencyType.PRISON, new Grant[] { programme }, false, false, false),
				// No grant, nothing.
				Arguments.of("OPCC", AgencyType.COMMISSIONERS_OFFICE, new Grant[0], false, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void mapsAndEvaluation(String agency, AgencyType type, Grant[] grants, boolean maps, boolean allSites,
			boolean ownSite) {
		var user = user(agency, type, grants);
		assertThat(ConsumptionRoomsPolicy.readsNeedleMaps(user)).as("maps").isEqualTo(maps);
		assertThat(ConsumptionRoomsPolicy.evaluatesAllSites(user)).as("every site").isEqualTo(allSites);
		assertThat(ConsumptionRoomsPolicy.evaluatesAllSites(user) || ConsumptionRoomsPolicy.evaluatesSite(user, SITE))
			.as("the site")
			.isEqualTo(allSites || ownSite);
	}

	static Stream<Arguments> councilSetUp() {
		var manage = new Grant(Capability.AGENCY, Action.MANAGE, Purpose.ADMINISTRATION);
		var read = new Grant(Capability.AGENCY, Action.READ, Purpose.ADMINISTRATION);
		return Stream.of(
				// type, grants, sets which council answers for a district
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { manage, read }, true),
				Arguments.of(AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { manage }, true),
				// Reading agencies (an auditor) is not setting them up.
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { read }, false),
				// The commissioner's analysts and the council's sweepers only read.
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE,
						new Grant[] { new Grant(Capability.PROGRAMME, Action.READ, PUBLIC_HEALTH_INTELLIGENCE) },
						false),
				Arguments.of(AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES,
						new Grant[] { rooms(Action.READ, PUBLIC_HEALTH_INTELLIGENCE),
								rooms(Action.WRITE, PUBLIC_HEALTH_INTELLIGENCE) },
						false),
				// Law enforcement never, even an administrator there.
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { manage, read }, false),
				Arguments.of(AgencyType.PROBATION, new Grant[] { manage }, false));
	}

	@ParameterizedTest
	@MethodSource
	void councilSetUp(AgencyType type, Grant[] grants, boolean setsUp) {
		assertThat(ConsumptionRoomsPolicy.setsUpCouncils(user("X", type, grants))).isEqualTo(setsUp);
	}

}
