package org.harmwatch.agency.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administration pages' entry in the navigation, for those who may see agencies and staff.
 */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

	@Bean
	NavigationItem administrationNavigation() {
		return new NavigationItem("nav.admin", "/admin", "AGENCY:READ", "nav.admin.description", 800);
	}

}
