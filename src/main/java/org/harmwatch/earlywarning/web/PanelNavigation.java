package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The expert panel's entry in the navigation: signals waiting for a member's grade.
 */
@Configuration(proxyBeanMethods = false)
class PanelNavigation {

	@Bean
	NavigationItem earlyWarningPanelNavigation() {
		return new NavigationItem("earlywarning.nav.panel", "/early-warning/panel", "EARLY_WARNING:APPROVE",
				"earlywarning.nav.panel.description", 115);
	}

}
