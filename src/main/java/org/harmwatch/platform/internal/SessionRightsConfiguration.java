package org.harmwatch.platform.internal;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.CurrentUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Puts {@link SessionRightsFilter} into the security filter chain that
 * {@link SecurityConfiguration} builds.
 *
 * <p>
 * Spring Security applies every {@code Customizer<HttpSecurity>} bean to each chain it
 * builds. The filter runs after the session's security context is loaded and its CSRF
 * token checked (so a refused API call made from a session hears 401, not "CSRF token
 * invalid"), and before sign-out, sign-in, bearer tokens and authorisation.
 */
@Configuration(proxyBeanMethods = false)
class SessionRightsConfiguration {

	@Bean
	Customizer<HttpSecurity> sessionRights(ObjectProvider<CurrentUsers> users, AuditLog audit) {
		return http -> {
			var current = users.getIfAvailable();
			if (current != null) {
				http.addFilterAfter(new SessionRightsFilter(current, audit), CsrfFilter.class);
			}
		};
	}

}
