package org.harmwatch.platform.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own entries in the navigation.
 */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem("nav.audit", "/audit", "AUDIT:READ", "nav.audit.description", 900);
	}

}
