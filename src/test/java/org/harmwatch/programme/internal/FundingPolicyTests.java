package org.harmwatch.programme.internal;

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
 * {@link FundingPolicy} as tables: who may keep the funding ledger, and whose records
 * each reader reads, by agency type, grants, ownership and agreements.
 */
class FundingPolicyTests {

	static final String OWNER = "WMPCC";

	static HarmwatchUser user(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant read(Purpose purpose) {
		return new Grant(Capability.PROGRAMME, Action.READ, purpose);
	}

	static Grant write(Purpose purpose) {
		return new Grant(Capability.PROGRAMME, Action.WRITE, purpose);
	}

	static Stream<Arguments> recording() {
		return Stream.of(
				// agency type, grants, may record
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { write(PUBLIC_HEALTH_INTELLIGENCE) }, true),
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, false),
				Arguments.of(AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] { write(PUBLIC_HEALTH_INTELLIGENCE) }, true),
				// A grant for another purpose counts for nothing.
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] { write(HEALTH) }, false),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { write(POLICING) }, false),
				// Another capability's write counts for nothing.
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE,
						new Grant[] { new Grant(Capability.PROCEEDS, Action.WRITE, PUBLIC_HEALTH_INTELLIGENCE) },
						false),
				Arguments.of(AgencyType.COMMISSIONERS_OFFICE, new Grant[] {}, false));
	}

	@ParameterizedTest
	@MethodSource
	void recording(AgencyType type, Grant[] grants, boolean mayRecord) {
		assertThat(FundingPolicy.mayRecord(user("X", type, grants))).isEqualTo(mayRecord);
	}

	static Stream<Arguments> reading() {
		var none = Set.<Purpose>of();
		var shared = Set.of(PUBLIC_HEALTH_INTELLIGENCE);
		return Stream.of(
				// reader's agency, its type, grants, shared purposes, may read
				Arguments.of(OWNER, AgencyType.COMMISSIONERS_OFFICE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) },
						none, true),
				Arguments.of(OWNER, AgencyType.COMMISSIONERS_OFFICE, new Grant[] {}, none, false),
				Arguments.of(OWNER, AgencyType.COMMISSIONERS_OFFICE, new Grant[] { read(HEALTH) }, none, false),
				// Another agency: only under an agreement, and only with the grant.
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH,
						new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, none, false),
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH,
						new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, shared, true),
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH, new Grant[] {}, shared, false),
				// An agreement for another purpose shares nothing.
				Arguments.of("BCC-PH", AgencyType.COUNCIL_PUBLIC_HEALTH,
						new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, Set.of(HEALTH), false),
				// A police force reads money under an agreement like anyone else: there
				// is no
				// person in the ledger.
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, shared,
						true),
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, shared, false));
	}

	@ParameterizedTest
	@MethodSource
	void reading(String agency, AgencyType type, Grant[] grants, Set<Purpose> shared, boolean mayRead) {
		assertThat(FundingPolicy.mayRead(user(agency, type, grants), OWNER, shared)).isEqualTo(mayRead);
	}

}
