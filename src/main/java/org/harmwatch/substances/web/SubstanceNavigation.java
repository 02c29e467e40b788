package org.harmwatch.substances.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vocabulary's entry in the navigation, for everyone signed in.
 */
@Configuration(proxyBeanMethods = false)
class SubstanceNavigation {

	@Bean
	NavigationItem substancesNavigation() {
		return new NavigationItem("nav.substances", "/substances", NavigationItem.SIGNED_IN, "nav.substances.description",
				400);
	}

}
