package org.harmwatch.diversion.internal;

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
 * {@link DiversionPolicy} as a table: who reads, who works, who reports attendance, by
 * agency type, grants, ownership and agreements.
 */
class DiversionPolicyTests {

	static final String OWNER = "WMP";

	static HarmwatchUser user(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant read(Purpose purpose) {
		return new Grant(Capability.DIVERSION, Action.READ, purpose);
	}

	static Grant write(Purpose purpose) {
		return new Grant(Capability.DIVERSION, Action.WRITE, purpose);
	}

	static Stream<Arguments> table() {
		return Stream.of(
				// agency, type, grants, shared for policing, may read the owner's record,
				// may work on it, may report attendance
				// The owner's navigator reads and works, and reports no attendance.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(POLICING), write(POLICING) }, false,
						true, true, false),
				// Read only: reads, does not work.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(POLICING) }, false, true, false, false),
				// Another force: nothing without an agreement; reads (never works) with
				// one.
				Arguments.of("BTP", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING), write(POLICING) }, false,
						false, false, false),
				Arguments.of("BTP", AgencyType.POLICE_FORCE, new Grant[] { read(POLICING), write(POLICING) }, true,
						true, false, false),
				// A health grant on a police account counts for nothing.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { write(HEALTH) }, false, false, false, false),
				// Treatment staff: report attendance, read nothing, even under an
				// agreement.
				Arguments.of("BOPC", AgencyType.TREATMENT_PROVIDER, new Grant[] { write(HEALTH) }, false, false, false,
						true),
				Arguments.of("BOPC", AgencyType.TREATMENT_PROVIDER, new Grant[] { write(HEALTH) }, true, false, false,
						true),
				// Policing grants in a health agency count for nothing (it is not
				// police).
				Arguments.of("BOPC", AgencyType.TREATMENT_PROVIDER,
						new Grant[] { read(POLICING), write(POLICING), write(HEALTH) }, true, false, false, true),
				// An intelligence grant reads nothing here.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { read(PUBLIC_HEALTH_INTELLIGENCE) }, false,
						false, false, false),
				Arguments.of("WMAS", AgencyType.AMBULANCE_SERVICE, new Grant[] {}, true, false, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void table(String agency, AgencyType type, Grant[] grants, boolean shared, boolean mayRead, boolean mayWork,
			boolean mayReport) {
		var user = user(agency, type, grants);
		assertThat(DiversionPolicy.mayRead(user, OWNER, shared)).as("read").isEqualTo(mayRead);
		assertThat(DiversionPolicy.mayWork(user, OWNER)).as("work").isEqualTo(mayWork);
		assertThat(DiversionPolicy.mayReportAttendance(user)).as("report attendance").isEqualTo(mayReport);
	}

}
