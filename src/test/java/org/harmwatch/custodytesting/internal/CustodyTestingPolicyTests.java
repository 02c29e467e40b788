package org.harmwatch.custodytesting.internal;

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
 * {@link CustodyTestingPolicy} as tables: who records, who reads a custody record, who
 * reads and answers a referral, and who sees the funnel's whole counts, by agency type,
 * grants, ownership and agreements.
 */
class CustodyTestingPolicyTests {

	static final String OWNER = "WMP";

	static final String TEAM = "BHM-TREAT";

	static HarmwatchUser user(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant read(Purpose purpose) {
		return new Grant(Capability.CUSTODY_TESTING, Action.READ, purpose);
	}

	static Grant write(Purpose purpose) {
		return new Grant(Capability.CUSTODY_TESTING, Action.WRITE, purpose);
	}

	static Stream<Arguments> recording() {
		return Stream.of(
				// agency type, grants, may record
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { write(POLICING) }, true),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, false),
				// A health grant on a police account counts for nothing.
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { write(HEALTH) }, false),
				// A policing grant on a health account counts for nothing either.
				Arguments.of(AgencyType.TREATMENT_PROVIDER, new Grant[] { write(POLICING) }, false),
				Arguments.of(AgencyType.TREATMENT_PROVIDER, new Grant[] { write(HEALTH) }, false),
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { write(PUBLIC_HEALTH_INTELLIGENCE) }, false),
				Arguments.of(AgencyType.PRISON, new Grant[] { write(POLICING) }, true),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] {}, false));
	}

	@ParameterizedTest
	@MethodSource
	void recording(AgencyType type, Grant[] grants, boolean mayRecord) {
		var user = user(OWNER, type, grants);
		assertThat(CustodyTestingPolicy.mayRecord(user)).isEqualTo(mayRecord);
		assertThat(CustodyTestingPolicy.mayChange(user, OWNER)).isEqualTo(mayRecord);
		assertThat(CustodyTestingPolicy.mayChange(user, "OTHER-FORCE")).isFalse();
	}

	static Stream<Arguments> reading() {
		var none = Set.<Purpose>of();
		return Stream.of(
				// reader's agency, type, grants, shared purposes, may read
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, none, true),
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, none,
						false),
				// Another force: only under an agreement for policing.
				Arguments.of("OTHER", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, none, false),
				Arguments.of("OTHER", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, Set.of(POLICING), true),
				Arguments.of("OTHER", AgencyType.PROBATION, new Grant[] { read(POLICING) },
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), false),
				// The treatment team never reads the custody record, even with an
				// agreement for health and every grant it could hold.
				Arguments.of(TEAM, AgencyType.TREATMENT_PROVIDER, new Grant[] { read(HEALTH), read(POLICING) },
						Set.of(HEALTH, POLICING), false),
				Arguments.of("WMPCC", AgencyType.COMMISSIONERS_OFFICE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) },
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), false));
	}

	@ParameterizedTest
	@MethodSource
	void reading(String agency, AgencyType type, Grant[] grants, Set<Purpose> shared, boolean mayRead) {
		var reader = user(agency, type, grants);
		assertThat(CustodyTestingPolicy.mayRead(reader, OWNER, shared)).isEqualTo(mayRead);
		if (mayRead) {
			assertThat(CustodyTestingPolicy.mayReadAny(reader)).isTrue();
			assertThat(CustodyTestingPolicy.entitledToCounts(reader)).isTrue();
		}
		if (!type.lawEnforcement()) {
			assertThat(CustodyTestingPolicy.entitledToCounts(reader)).isFalse();
		}
	}

	static Stream<Arguments> referrals() {
		var health = Set.of(HEALTH);
		return Stream.of(
				// reader's agency, type, grants, what the owner shares with it, may read,
				// may answer
				Arguments.of(TEAM, AgencyType.TREATMENT_PROVIDER, new Grant[] { read(HEALTH), write(HEALTH) }, health,
						true, true),
				Arguments.of(TEAM, AgencyType.TREATMENT_PROVIDER, new Grant[] { read(HEALTH) }, health, true, false),
				// No agreement in force: nothing.
				Arguments.of(TEAM, AgencyType.TREATMENT_PROVIDER, new Grant[] { read(HEALTH), write(HEALTH) }, Set.of(),
						false, false),
				Arguments.of(TEAM, AgencyType.TREATMENT_PROVIDER, new Grant[] { read(HEALTH), write(HEALTH) },
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), false, false),
				// Another health agency than the one referred to.
				Arguments.of("UHB", AgencyType.NHS_TRUST, new Grant[] { read(HEALTH), write(HEALTH) }, health, false,
						false),
				// Police staff never answer for the team.
				Arguments.of(TEAM, AgencyType.POLICE_FORCE, new Grant[] { read(POLICING), write(POLICING) }, health,
						false, false),
				// A council holds no health purpose.
				Arguments.of(TEAM, AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { read(HEALTH), write(HEALTH) },
						health, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void referrals(String agency, AgencyType type, Grant[] grants, Set<Purpose> shared, boolean mayRead,
			boolean mayAnswer) {
		var reader = user(agency, type, grants);
		assertThat(CustodyTestingPolicy.mayReadReferral(reader, TEAM, shared)).isEqualTo(mayRead);
		assertThat(CustodyTestingPolicy.mayAnswer(reader, TEAM, shared)).isEqualTo(mayAnswer);
	}

	static Stream<Arguments> teams() {
		return Stream.of(Arguments.of(AgencyType.TREATMENT_PROVIDER, true), Arguments.of(AgencyType.NHS_TRUST, true),
				Arguments.of(AgencyType.POLICE_FORCE, false), Arguments.of(AgencyType.PROBATION, false),
				Arguments.of(AgencyType.COUNCIL_PUBLIC_HEALTH, false),
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, false));
	}

	@ParameterizedTest
	@MethodSource
	void teams(AgencyType type, boolean mayBeTeam) {
		assertThat(CustodyTestingPolicy.mayBeTeam(type)).isEqualTo(mayBeTeam);
	}

}
