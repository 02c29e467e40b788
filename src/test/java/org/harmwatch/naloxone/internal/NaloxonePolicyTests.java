package org.harmwatch.naloxone.internal;

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
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Naloxone's access policy as tables: whose records a user may use, and who sees and
 * records supplies to people (client codes), decided by the agency's type and the exact
 * purpose of the grant.
 */
class NaloxonePolicyTests {

	static final String OWN = "AG";

	static final String OTHER = "OTHER";

	static HarmwatchUser user(AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "user", null, "User", OWN, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant grant(Action action, Purpose purpose) {
		return new Grant(Capability.NALOXONE, action, purpose);
	}

	static Stream<Arguments> mayUse() {
		var treatment = AgencyType.TREATMENT_PROVIDER;
		var police = AgencyType.POLICE_FORCE;
		var council = AgencyType.COUNCIL_PUBLIC_HEALTH;
		return Stream.of(
				// own agency: any purpose the agency may hold and the user holds the
				// action for
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OWN, Set.of(), Action.READ, true),
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OWN, Set.of(), Action.WRITE, false),
				arguments(treatment, List.of(grant(Action.WRITE, Purpose.HEALTH)), OWN, Set.of(), Action.WRITE, true),
				arguments(police, List.of(grant(Action.READ, Purpose.POLICING)), OWN, Set.of(), Action.READ, true),
				// a health grant at a police force counts for nothing
				arguments(police, List.of(grant(Action.READ, Purpose.HEALTH)), OWN, Set.of(), Action.READ, false),
				arguments(council, List.of(grant(Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), OWN, Set.of(),
						Action.READ, true),
				// another grant's capability does not open naloxone
				arguments(treatment, List.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH)), OWN,
						Set.of(), Action.READ, false),
				arguments(treatment, List.of(), OWN, Set.of(), Action.READ, false),
				// another agency: only for a purpose shared with the user's and held by
				// them
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OTHER, Set.of(), Action.READ, false),
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OTHER, Set.of(Purpose.HEALTH),
						Action.READ, true),
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OTHER,
						Set.of(Purpose.PUBLIC_HEALTH_INTELLIGENCE), Action.READ, false),
				arguments(police, List.of(grant(Action.READ, Purpose.POLICING)), OTHER, Set.of(Purpose.HEALTH),
						Action.READ, false),
				arguments(police, List.of(grant(Action.READ, Purpose.POLICING)), OTHER, Set.of(Purpose.POLICING),
						Action.READ, true),
				arguments(treatment, List.of(grant(Action.READ, Purpose.HEALTH)), OTHER, Set.of(Purpose.HEALTH),
						Action.WRITE, false));
	}

	@ParameterizedTest
	@MethodSource
	void mayUse(AgencyType type, List<Grant> grants, String owner, Set<Purpose> shared, Action action,
			boolean allowed) {
		assertThat(NaloxonePolicy.mayUse(user(type, grants.toArray(Grant[]::new)), owner, shared, action))
			.isEqualTo(allowed);
	}

	static Stream<Arguments> supplies() {
		return Stream.of(
				// type, grants, sees client codes, records supplies
				arguments(AgencyType.TREATMENT_PROVIDER, List.of(grant(Action.READ, Purpose.HEALTH)), true, false),
				arguments(AgencyType.TREATMENT_PROVIDER,
						List.of(grant(Action.READ, Purpose.HEALTH), grant(Action.WRITE, Purpose.HEALTH)), true, true),
				arguments(AgencyType.TREATMENT_PROVIDER, List.of(grant(Action.WRITE, Purpose.HEALTH)), false, true),
				arguments(AgencyType.TREATMENT_PROVIDER,
						List.of(grant(Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE),
								grant(Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)),
						false, false),
				arguments(AgencyType.POLICE_FORCE,
						List.of(grant(Action.READ, Purpose.POLICING), grant(Action.WRITE, Purpose.POLICING)), false,
						false),
				// a hand-edited health grant at a police force or a prison changes
				// nothing
				arguments(AgencyType.POLICE_FORCE,
						List.of(grant(Action.READ, Purpose.HEALTH), grant(Action.WRITE, Purpose.HEALTH)), false, false),
				arguments(AgencyType.PRISON,
						List.of(grant(Action.READ, Purpose.HEALTH), grant(Action.WRITE, Purpose.HEALTH)), false, false),
				arguments(AgencyType.AMBULANCE_SERVICE,
						List.of(grant(Action.READ, Purpose.HEALTH), grant(Action.WRITE, Purpose.HEALTH)), true, true),
				arguments(AgencyType.COUNCIL_PUBLIC_HEALTH, List.of(grant(Action.READ, Purpose.HEALTH)), false, false));
	}

	@ParameterizedTest
	@MethodSource
	void supplies(AgencyType type, List<Grant> grants, boolean seesClientCodes, boolean recordsSupplies) {
		var user = user(type, grants.toArray(Grant[]::new));
		assertThat(NaloxonePolicy.seesClientCodes(user)).as("sees client codes").isEqualTo(seesClientCodes);
		assertThat(NaloxonePolicy.recordsSupplies(user)).as("records supplies").isEqualTo(recordsSupplies);
	}

	static Stream<Arguments> figures() {
		return Stream.of(arguments(AgencyType.TREATMENT_PROVIDER, List.of(grant(Action.READ, Purpose.HEALTH)), true),
				arguments(AgencyType.POLICE_FORCE, List.of(grant(Action.READ, Purpose.POLICING)), true),
				arguments(AgencyType.POLICE_FORCE, List.of(grant(Action.READ, Purpose.HEALTH)), false),
				arguments(AgencyType.COUNCIL_PUBLIC_HEALTH,
						List.of(grant(Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), true),
				arguments(AgencyType.TREATMENT_PROVIDER, List.of(grant(Action.WRITE, Purpose.HEALTH)), false),
				arguments(AgencyType.TREATMENT_PROVIDER, List.of(), false));
	}

	@ParameterizedTest
	@MethodSource
	void figures(AgencyType type, List<Grant> grants, boolean reads) {
		assertThat(NaloxonePolicy.readsFigures(user(type, grants.toArray(Grant[]::new)))).isEqualTo(reads);
	}

}
