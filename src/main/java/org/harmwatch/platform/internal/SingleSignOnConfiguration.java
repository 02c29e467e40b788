package org.harmwatch.platform.internal;

import java.net.URI;
import java.util.Objects;

import org.harmwatch.platform.SsoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on with the providers configured under
 * {@code spring.security.oauth2.client}, when there are any.
 *
 * <p>
 * Replaces Spring Boot's client registrations (which stop the start while a provider is
 * unreachable) with {@link SingleSignOnProviders}, and keeps the provider-to-Harmwatch
 * session links in PostgreSQL ({@link JdbcOidcSessionRegistry}) so that a back-channel
 * logout works on every instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SingleSignOnConfiguration {

	@Bean
	SingleSignOnProviders clientRegistrationRepository(OAuth2ClientProperties properties, SsoProperties sso) {
		var addresses = properties.getProvider()
			.values()
			.stream()
			.map(provider -> provider.getIssuerUri() != null ? provider.getIssuerUri() : provider.getAuthorizationUri())
			.filter(Objects::nonNull)
			.toList();
		var origins = addresses.stream()
			.map(URI::create)
			.filter(uri -> uri.getScheme() != null && uri.getHost() != null)
			.map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
			.distinct()
			.toList();
		return new SingleSignOnProviders(() -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations(),
				addresses.isEmpty() ? "(none configured)" : String.join(", ", addresses), origins, sso.retryInterval());
	}

	@Bean
	JdbcOidcSessionRegistry oidcSessionRegistry(JdbcClient jdbc) {
		return new JdbcOidcSessionRegistry(jdbc);
	}

}
