package org.harmwatch.drugchecking.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Drug checking's entries in its section: sessions for analysts, the result lookup for
 * everyone.
 */
@Configuration(proxyBeanMethods = false)
class DrugCheckingNavigation {

	@Bean
	NavigationItem drugCheckingSessionsNavigation() {
		return new NavigationItem(NavigationGroup.DRUG_CHECKING, "drugchecking.home.nav.sessions",
				"/drug-checking/sessions", ShownTo.holders(Capability.DRUG_CHECKING, Action.READ),
				"drugchecking.nav.sessions.description", 200);
	}

	@Bean
	NavigationItem drugCheckingLookupNavigation() {
		return new NavigationItem(NavigationGroup.DRUG_CHECKING, "drugchecking.nav.lookup", "/drug-checking/results",
				ShownTo.everyone(), "drugchecking.nav.lookup.description", 210);
	}

}
