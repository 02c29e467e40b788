package org.harmwatch.overdose.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.overdose.internal.OverdosePolicy.Detail;
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
 * {@link OverdosePolicy} as tables: who may record, for which purpose, and how much of an
 * incident each reader sees, by agency type, grants, ownership and agreements.
 */
class OverdosePolicyTests {

	static final String OWNER = "WMAS";

	static HarmwatchUser user(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant read(Purpose purpose) {
		return new Grant(Capability.OVERDOSE, Action.READ, purpose);
	}

	static Grant write(Purpose purpose) {
		return new Grant(Capability.OVERDOSE, Action.WRITE, purpose);
	}

	static Stream<Arguments> recording() {
		return Stream.of(
				// agency type, grants, may record, purpose of the record
				Arguments.of(AgencyType.AMBULANCE_SERVICE, new Grant[] { write(HEALTH) }, true, HEALTH),
				Arguments.of(AgencyType.AMBULANCE_SERVICE, new Grant[] { read(HEALTH) }, false, HEALTH),
				Arguments.of(AgencyType.AMBULANCE_SERVICE, new Grant[] { write(PUBLIC_HEALTH_INTELLIGENCE) }, false,
						HEALTH),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { write(POLICING) }, true, POLICING),
				// A health grant on a police account counts for nothing.
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { write(HEALTH) }, false, POLICING),
				Arguments.of(AgencyType.PRISON, new Grant[] { write(POLICING) }, true, POLICING),
				Arguments.of(AgencyType.CORONER, new Grant[] { write(HEALTH) }, true, HEALTH),
				// A council holds neither purpose.
				Arguments.of(AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { write(HEALTH) }, false, HEALTH),
				Arguments.of(AgencyType.NHS_TRUST, new Grant[] {}, false, HEALTH));
	}

	@ParameterizedTest
	@MethodSource
	void recording(AgencyType type, Grant[] grants, boolean mayRecord, Purpose purpose) {
		var user = user("X", type, grants);
		assertThat(OverdosePolicy.mayRecord(user)).isEqualTo(mayRecord);
		assertThat(OverdosePolicy.purposeOf(user)).isEqualTo(purpose);
	}

	static Stream<Arguments> reading() {
		var none = Set.<Purpose>of();
		return Stream.of(
				// reader's agency, its type, grants, record purpose, shared purposes,
				// detail
				// The owner's health staff see everything.
				Arguments.of(OWNER, AgencyType.AMBULANCE_SERVICE, new Grant[] { read(HEALTH) }, HEALTH, none,
						Detail.FULL),
				// The owner's analyst reading for intelligence sees areas.
				Arguments.of(OWNER, AgencyType.AMBULANCE_SERVICE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) },
						HEALTH, none, Detail.AREA),
				// Write alone does not read.
				Arguments.of(OWNER, AgencyType.AMBULANCE_SERVICE, new Grant[] { write(HEALTH) }, HEALTH, none, null),
				// Another health agency: nothing without an agreement...
				Arguments.of("UHB", AgencyType.NHS_TRUST, new Grant[] { read(HEALTH) }, HEALTH, none, null),
				// ...everything with one for health...
				Arguments.of("UHB", AgencyType.NHS_TRUST, new Grant[] { read(HEALTH) }, HEALTH, Set.of(HEALTH),
						Detail.FULL),
				// ...areas with one for intelligence only, when it reads for
				// intelligence...
				Arguments.of("UHB", AgencyType.NHS_TRUST,
						new Grant[] { read(HEALTH), read(PUBLIC_HEALTH_INTELLIGENCE) }, HEALTH,
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), Detail.AREA),
				// ...and nothing when it does not.
				Arguments.of("UHB", AgencyType.NHS_TRUST, new Grant[] { read(HEALTH) }, HEALTH,
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), null),
				// Police under an agreement for policing: areas, never the person.
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, HEALTH, Set.of(POLICING),
						Detail.AREA),
				// An agreement that names health cannot give police the person: the
				// agency
				// may not hold health records, so the grant is ignored.
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { read(HEALTH), read(POLICING) }, HEALTH,
						EnumSet.of(HEALTH, POLICING), Detail.AREA),
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { read(HEALTH) }, HEALTH, Set.of(HEALTH),
						null),
				// Police reading their own incidents: areas only.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, POLICING, none,
						Detail.AREA),
				// A health reader of a police record under a health agreement: areas only
				// (the record is not held for health).
				Arguments.of("UHB", AgencyType.NHS_TRUST, new Grant[] { read(HEALTH) }, POLICING, Set.of(HEALTH),
						Detail.AREA),
				// A council reads for intelligence: areas.
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH,
						new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, HEALTH, Set.of(PUBLIC_HEALTH_INTELLIGENCE),
						Detail.AREA),
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH,
						new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, HEALTH, none, null));
	}

	@ParameterizedTest
	@MethodSource
	void reading(String agency, AgencyType type, Grant[] grants, Purpose recordPurpose, Set<Purpose> shared,
			Detail expected) {
		var reader = user(agency, type, grants);
		assertThat(OverdosePolicy.detail(reader, OWNER, recordPurpose, shared)).isEqualTo(expected);
	}

	static Stream<Arguments> listing() {
		return Stream.of(Arguments.of(AgencyType.AMBULANCE_SERVICE, new Grant[] { read(HEALTH) }, true),
				Arguments.of(AgencyType.AMBULANCE_SERVICE, new Grant[] { write(HEALTH) }, false),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, true),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { read(HEALTH) }, false),
				Arguments.of(AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, true));
	}

	@ParameterizedTest
	@MethodSource
	void listing(AgencyType type, Grant[] grants, boolean mayRead) {
		assertThat(OverdosePolicy.mayRead(user("X", type, grants))).isEqualTo(mayRead);
	}

}
