package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Early warning's entries in the navigation: reporting for frontline staff, signals for the coordinator and panel.
 */
@Configuration(proxyBeanMethods = false)
class EarlyWarningNavigation {

	@Bean
	NavigationItem earlyWarningReportNavigation() {
		return new NavigationItem("earlywarning.nav.report", "/early-warning/reports/new", "EARLY_WARNING:WRITE",
				"earlywarning.nav.report.description", 100);
	}

	@Bean
	NavigationItem earlyWarningSignalsNavigation() {
		return new NavigationItem("earlywarning.nav.signals", "/early-warning/signals", "EARLY_WARNING:READ",
				"earlywarning.nav.signals.description", 110);
	}

}
