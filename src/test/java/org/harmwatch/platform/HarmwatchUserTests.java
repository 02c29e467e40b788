package org.harmwatch.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Grant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.harmwatch.shared.Action.MANAGE;
import static org.harmwatch.shared.Action.READ;
import static org.harmwatch.shared.Capability.AGENCY;
import static org.harmwatch.shared.Capability.DIVERSION;
import static org.harmwatch.shared.Capability.DRUG_CHECKING;
import static org.harmwatch.shared.Purpose.ADMINISTRATION;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

class HarmwatchUserTests {

	static HarmwatchUser userWith(AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "navigator", "{noop}x", "Nia", "WMP", "West Midlands Police", type,
				List.of("DIVERSION_NAVIGATOR"), Set.of(grants), true, false);
	}

	@Test
	void aGrantCoversOnlyRecordsHeldForItsPurpose() {
		var user = userWith(AgencyType.POLICE_FORCE, new Grant(DIVERSION, READ, POLICING));
		assertThat(user.may(DIVERSION, READ, POLICING)).isTrue();
		assertThat(user.may(DIVERSION, READ, HEALTH)).isFalse();
		assertThat(user.may(DIVERSION, READ, PUBLIC_HEALTH_INTELLIGENCE)).isFalse();
		assertThat(user.may(DIVERSION, MANAGE, POLICING)).isFalse();
	}

	@Test
	void thereIsNoGrantForAnyPurpose() {
		assertThatNullPointerException().isThrownBy(() -> new Grant(AGENCY, MANAGE, null))
			.withMessageContaining("purpose");
	}

	@Test
	void aGrantForAPurposeTheAgencyMayNotHoldCountsForNothing() {
		// Put in the database by hand, or left over from a change of the agency's type.
		var police = userWith(AgencyType.POLICE_FORCE, new Grant(DRUG_CHECKING, READ, HEALTH));
		assertThat(police.may(DRUG_CHECKING, READ, HEALTH)).isFalse();
		assertThat(police.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_DIVERSION_NAVIGATOR");
		var service = userWith(AgencyType.DRUG_CHECKING_SERVICE, new Grant(DRUG_CHECKING, READ, HEALTH));
		assertThat(service.may(DRUG_CHECKING, READ, HEALTH)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(AgencyType.class)
	void lawEnforcementFollowsTheAgencyTypeNotTheGrants(AgencyType type) {
		var withPolicing = userWith(type, new Grant(DIVERSION, READ, POLICING));
		var withHealth = userWith(type, new Grant(DRUG_CHECKING, READ, HEALTH));
		var expected = type == AgencyType.POLICE_FORCE || type == AgencyType.PRISON || type == AgencyType.PROBATION;
		assertThat(withPolicing.lawEnforcement()).isEqualTo(expected);
		assertThat(withHealth.lawEnforcement()).isEqualTo(expected);
		assertThat(userWith(type).lawEnforcement()).isEqualTo(expected);
	}

	@Test
	void becomesAuthoritiesForEndpointsAndForRecords() {
		var user = userWith(AgencyType.POLICE_FORCE, new Grant(DIVERSION, READ, POLICING),
				new Grant(AGENCY, MANAGE, ADMINISTRATION));
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_DIVERSION_NAVIGATOR", "DIVERSION:READ", "DIVERSION:READ:POLICING",
					"AGENCY:MANAGE", "AGENCY:MANAGE:ADMINISTRATION");
	}

	@Test
	void forgetsItsPasswordHashOnceSignedIn() {
		var user = userWith(AgencyType.POLICE_FORCE);
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
