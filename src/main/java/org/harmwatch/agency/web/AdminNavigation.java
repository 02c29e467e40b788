package org.harmwatch.agency.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administration pages' entry in the Administration section, for those who may see
 * agencies and staff.
 */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

	@Bean
	NavigationItem administrationNavigation() {
		return new NavigationItem(NavigationGroup.ADMINISTRATION, "nav.admin", "/admin",
				ShownTo.holders(Capability.AGENCY, Action.READ), "nav.admin.description", 800);
	}

}
