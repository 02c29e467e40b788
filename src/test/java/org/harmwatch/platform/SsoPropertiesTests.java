package org.harmwatch.platform;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single sign-on settings bind with safe defaults, and refuse a claim that people choose
 * for themselves.
 */
class SsoPropertiesTests {

	@Test
	void defaultsToAVerifiedEmail() {
		var sso = bind(Map.of("harmwatch.sso.registration-id", "sso"));

		assertThat(sso.registrationId()).isEqualTo("sso");
		assertThat(sso.matchClaim()).isEqualTo("email");
		assertThat(sso.verifiedClaim()).isEqualTo("email_verified");
		assertThat(sso.requireVerified()).isTrue();
		assertThat(sso.retryInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(sso.label()).isEqualTo("your organisation");
	}

	@Test
	void aBlankRegistrationMeansNoSingleSignOn() {
		assertThat(bind(Map.of("harmwatch.sso.registration-id", " ")).registrationId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "preferred_username", "name", "nickname", " " })
	void refusesAClaimTheProviderDoesNotVerify(String claim) {
		assertThatThrownBy(() -> bind(Map.of("harmwatch.sso.match-claim", claim))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("harmwatch.sso.match-claim must name a claim the provider verifies");
	}

	@Test
	void acceptsAnotherClaimTheOperatorVouchesFor() {
		var sso = bind(Map.of("harmwatch.sso.match-claim", "upn", "harmwatch.sso.require-verified", "false"));

		assertThat(sso.matchClaim()).isEqualTo("upn");
		assertThat(sso.verifiedClaim()).isEqualTo("upn_verified");
		assertThat(sso.requireVerified()).isFalse();
	}

	private static SsoProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("harmwatch.sso",
				SsoProperties.class);
	}

}
