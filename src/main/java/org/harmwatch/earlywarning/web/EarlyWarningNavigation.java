package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Early warning's entries in the Intelligence section: signals for the coordinator and
 * panel, other regions' alerts and reporting for frontline staff.
 */
@Configuration(proxyBeanMethods = false)
class EarlyWarningNavigation {

	@Bean
	NavigationItem earlyWarningSignalsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.signals", "/early-warning/signals",
				ShownTo.holders(Capability.EARLY_WARNING, Action.READ), "earlywarning.nav.signals.description", 100);
	}

	@Bean
	NavigationItem externalAlertsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.external",
				"/early-warning/external-alerts", ShownTo.holders(Capability.EARLY_WARNING, Action.READ),
				"earlywarning.nav.external.description", 130);
	}

	@Bean
	NavigationItem earlyWarningReportNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.report", "/early-warning/reports/new",
				ShownTo.holders(Capability.EARLY_WARNING, Action.WRITE), "earlywarning.nav.report.description", 160);
	}

	@Bean
	NavigationItem ownReportsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.mine", "/early-warning/reports/mine",
				ShownTo.holders(Capability.EARLY_WARNING, Action.WRITE), "earlywarning.nav.mine.description", 165);
	}

}
