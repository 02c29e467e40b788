package org.harmwatch.platform.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own entry in the navigation: the audit log, in the Administration
 * section.
 */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem(NavigationGroup.ADMINISTRATION, "nav.audit", "/audit",
				ShownTo.holders(Capability.AUDIT, Action.READ), "nav.audit.description", 900);
	}

}
