package org.harmwatch.drugchecking.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Drug checking's entries in the navigation: sessions for analysts, the result lookup for everyone. */
@Configuration(proxyBeanMethods = false)
class DrugCheckingNavigation {

	@Bean
	NavigationItem drugCheckingSessionsNavigation() {
		return new NavigationItem("drugchecking.nav.sessions", "/drug-checking/sessions", "DRUG_CHECKING:READ",
				"drugchecking.nav.sessions.description", 200);
	}

	@Bean
	NavigationItem drugCheckingLookupNavigation() {
		return new NavigationItem("drugchecking.nav.lookup", "/drug-checking/results", null,
				"drugchecking.nav.lookup.description", 210);
	}

}
