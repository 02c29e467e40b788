package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alerts in the navigation: the coordinator's and panel's list, and the public alerts page for everyone.
 */
@Configuration(proxyBeanMethods = false)
class AlertNavigation {

	@Bean
	NavigationItem earlyWarningAlertsNavigation() {
		return new NavigationItem("alerts.nav.staff", "/early-warning/alerts", "EARLY_WARNING:READ",
				"alerts.nav.staff.description", 120);
	}

	@Bean
	NavigationItem publicAlertsNavigation() {
		return new NavigationItem("alerts.nav.public", "/alerts", null, "alerts.nav.public.description", 900);
	}

}
