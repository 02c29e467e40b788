package org.harmwatch.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.shared.Grant;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.shared.Action.MANAGE;
import static org.harmwatch.shared.Action.READ;
import static org.harmwatch.shared.Capability.AGENCY;
import static org.harmwatch.shared.Capability.DIVERSION;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

class HarmwatchUserTests {

	static HarmwatchUser userWith(Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "navigator", "{noop}x", "Nia", "WMP", "West Midlands Police",
				List.of("DIVERSION_NAVIGATOR"), Set.of(grants), true, false);
	}

	@Test
	void aPurposeLimitedGrantCoversOnlyRecordsHeldForThatPurpose() {
		var user = userWith(new Grant(DIVERSION, READ, POLICING));
		assertThat(user.may(DIVERSION, READ, POLICING)).isTrue();
		assertThat(user.may(DIVERSION, READ, HEALTH)).isFalse();
		assertThat(user.may(DIVERSION, READ, PUBLIC_HEALTH_INTELLIGENCE)).isFalse();
		assertThat(user.may(DIVERSION, MANAGE, POLICING)).isFalse();
	}

	@Test
	void aGrantWithoutPurposeCoversEveryPurpose() {
		var user = userWith(new Grant(AGENCY, MANAGE, null));
		assertThat(user.may(AGENCY, MANAGE, HEALTH)).isTrue();
		assertThat(user.may(AGENCY, MANAGE, POLICING)).isTrue();
	}

	@Test
	void becomesAuthoritiesForEndpointsAndForRecords() {
		var user = userWith(new Grant(DIVERSION, READ, POLICING), new Grant(AGENCY, MANAGE, null));
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_DIVERSION_NAVIGATOR", "DIVERSION:READ", "DIVERSION:READ:POLICING",
					"AGENCY:MANAGE");
	}

	@Test
	void forgetsItsPasswordHashOnceSignedIn() {
		var user = userWith();
		user.eraseCredentials();
		assertThat(user.getPassword()).isNull();
	}

	@Test
	void healthAndPolicingConflict() {
		assertThat(HEALTH.conflictsWith(POLICING)).isTrue();
		assertThat(POLICING.conflictsWith(HEALTH)).isTrue();
		assertThat(HEALTH.conflictsWith(PUBLIC_HEALTH_INTELLIGENCE)).isFalse();
	}

}
