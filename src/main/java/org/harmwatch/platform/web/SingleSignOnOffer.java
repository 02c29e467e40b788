package org.harmwatch.platform.web;

import java.util.Optional;

import org.harmwatch.platform.SsoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Whether the sign-in page offers single sign-on: only when it is configured and its
 * provider has answered.
 */
@Component
class SingleSignOnOffer {

	/** The button: where it leads, and the provider's name on it. */
	record Button(String registrationId, String label) {
	}

	private final SsoProperties sso;

	private final ObjectProvider<ClientRegistrationRepository> clients;

	SingleSignOnOffer(SsoProperties sso, ObjectProvider<ClientRegistrationRepository> clients) {
		this.sso = sso;
		this.clients = clients;
	}

	Optional<Button> button() {
		var registration = sso.registrationId();
		var repository = clients.getIfAvailable();
		if (registration == null || repository == null || repository.findByRegistrationId(registration) == null) {
			return Optional.empty();
		}
		return Optional.of(new Button(registration, sso.label()));
	}

}
