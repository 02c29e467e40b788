package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alerts in the Intelligence section: the coordinator's and panel's list, and the public
 * alerts page for everyone.
 */
@Configuration(proxyBeanMethods = false)
class AlertNavigation {

	@Bean
	NavigationItem earlyWarningAlertsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "alerts.nav.staff", "/early-warning/alerts",
				ShownTo.holders(Capability.EARLY_WARNING, Action.READ), "alerts.nav.staff.description", 120);
	}

	@Bean
	NavigationItem publicAlertsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "alerts.nav.public", "/alerts", ShownTo.everyone(),
				"alerts.nav.public.description", 900);
	}

}
