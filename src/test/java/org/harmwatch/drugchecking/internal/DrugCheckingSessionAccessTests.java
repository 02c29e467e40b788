package org.harmwatch.drugchecking.internal;

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
import static org.harmwatch.shared.Action.EXPORT;
import static org.harmwatch.shared.Action.MANAGE;
import static org.harmwatch.shared.Action.READ;
import static org.harmwatch.shared.AgencyType.DRUG_CHECKING_SERVICE;
import static org.harmwatch.shared.AgencyType.POLICE_FORCE;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

/**
 * Who may use a drug-checking session's records, one row per case: staff of the owner
 * agency by their agency's purposes and grants, anyone else only for a purpose the owner
 * shares and a grant for it.
 */
class DrugCheckingSessionAccessTests {

	static HarmwatchUser user(AgencyType type, String agency, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "u", null, "U", agency, "Agency " + agency, type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant grant(Action action, Purpose purpose) {
		return new Grant(Capability.DRUG_CHECKING, action, purpose);
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// the owner's own staff: their agency's purposes, their grants
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC", grant(READ, HEALTH)), "DC", Set.of(), READ, true),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC", grant(READ, HEALTH)), "DC", Set.of(), MANAGE, false),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC", grant(MANAGE, HEALTH)), "DC", Set.of(), MANAGE, true),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC"), "DC", Set.of(), READ, false),
				// a grant of another capability opens nothing here
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC", new Grant(Capability.EARLY_WARNING, READ, HEALTH)), "DC",
						Set.of(), READ, false),
				// another agency: nothing unless the owner shares a purpose the reader
				// holds the action for
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC2", grant(READ, HEALTH)), "DC", Set.of(), READ, false),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC2", grant(READ, HEALTH)), "DC", Set.of(HEALTH), READ, true),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC2", grant(READ, HEALTH)), "DC", Set.of(HEALTH), EXPORT,
						false),
				Arguments.of(user(DRUG_CHECKING_SERVICE, "DC2", grant(READ, HEALTH)), "DC",
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), READ, false),
				// the police: a shared health purpose does not open health records to a
				// policing grant
				Arguments.of(user(POLICE_FORCE, "WMP", grant(READ, POLICING)), "DC", Set.of(HEALTH), READ, false),
				Arguments.of(user(POLICE_FORCE, "WMP", grant(READ, PUBLIC_HEALTH_INTELLIGENCE)), "DC",
						Set.of(PUBLIC_HEALTH_INTELLIGENCE), READ, true),
				// a health grant in a police account counts for nothing, even where
				// health is shared
				Arguments.of(user(POLICE_FORCE, "WMP", grant(READ, HEALTH)), "DC", Set.of(HEALTH), READ, false));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void mayUseTheSessionsRecords(HarmwatchUser user, String owner, Set<Purpose> shared, Action action,
			boolean allowed) {
		assertThat(DrugCheckingPolicy.mayUse(user, owner, shared, action)).isEqualTo(allowed);
	}

}
