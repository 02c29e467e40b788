package org.harmwatch.dissemination.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dissemination's entries in the navigation: the delivery log for the coordinator, and the public's subscribe page.
 */
@Configuration(proxyBeanMethods = false)
class DisseminationNavigation {

	@Bean
	NavigationItem disseminationDeliveriesNavigation() {
		return new NavigationItem("dissemination.nav.deliveries", "/dissemination", "EARLY_WARNING:MANAGE",
				"dissemination.nav.deliveries.description", 130);
	}

	@Bean
	NavigationItem disseminationSubscribeNavigation() {
		return new NavigationItem("dissemination.nav.subscribe", "/subscribe", null,
				"dissemination.nav.subscribe.description", 900);
	}

}
