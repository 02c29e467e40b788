package org.harmwatch.awareness.internal;

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

/**
 * {@link AwarenessPolicy} as a table: which sources the page asks for each kind of
 * viewer. A grant for a purpose the agency may not hold counts for nothing.
 */
class AwarenessPolicyTests {

	static HarmwatchUser user(AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "someone", null, "Someone", "X", "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant grant(Capability capability, Purpose purpose) {
		return new Grant(capability, Action.READ, purpose);
	}

	static Stream<Arguments> sources() {
		return Stream.of(
				// viewer, may view, overdoses, early warning, findings
				Arguments.of("coordinator",
						user(AgencyType.COUNCIL_PUBLIC_HEALTH,
								grant(Capability.EARLY_WARNING, Purpose.PUBLIC_HEALTH_INTELLIGENCE),
								grant(Capability.OVERDOSE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)),
						true, true, true, true),
				Arguments.of("panel member",
						user(AgencyType.NHS_TRUST, grant(Capability.EARLY_WARNING, Purpose.PUBLIC_HEALTH_INTELLIGENCE)),
						true, false, true, true),
				Arguments.of("paramedic",
						user(AgencyType.AMBULANCE_SERVICE, grant(Capability.OVERDOSE, Purpose.HEALTH)), true, true,
						false, true),
				Arguments.of("police recorder",
						user(AgencyType.POLICE_FORCE, grant(Capability.OVERDOSE, Purpose.POLICING)), true, true, false,
						true),
				// A health grant on a police account counts for nothing.
				Arguments.of("police with a health grant",
						user(AgencyType.POLICE_FORCE, grant(Capability.OVERDOSE, Purpose.HEALTH)), false, false, false,
						false),
				Arguments.of("frontline worker",
						user(AgencyType.TREATMENT_PROVIDER,
								new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)),
						false, false, false, false),
				Arguments.of("nobody", user(AgencyType.NHS_TRUST), false, false, false, false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void sources(String who, HarmwatchUser viewer, boolean mayView, boolean overdoses, boolean earlyWarning,
			boolean findings) {
		assertThat(AwarenessPolicy.mayView(viewer)).isEqualTo(mayView);
		assertThat(AwarenessPolicy.readsOverdoses(viewer)).isEqualTo(overdoses);
		assertThat(AwarenessPolicy.readsEarlyWarning(viewer)).isEqualTo(earlyWarning);
		assertThat(AwarenessPolicy.readsFindings(viewer)).isEqualTo(findings);
	}

}
