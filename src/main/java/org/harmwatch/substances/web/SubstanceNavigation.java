package org.harmwatch.substances.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vocabulary's entry in the Reference data section, for everyone signed in.
 */
@Configuration(proxyBeanMethods = false)
class SubstanceNavigation {

	@Bean
	NavigationItem substancesNavigation() {
		return new NavigationItem(NavigationGroup.REFERENCE_DATA, "nav.substances", "/substances", ShownTo.signedIn(),
				"nav.substances.description", 400);
	}

}
