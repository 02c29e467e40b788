package org.harmwatch.dissemination.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dissemination's entries in the Intelligence section: the delivery log for the
 * coordinator, and the public's subscribe page.
 */
@Configuration(proxyBeanMethods = false)
class DisseminationNavigation {

	@Bean
	NavigationItem disseminationDeliveriesNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "dissemination.nav.deliveries", "/dissemination",
				ShownTo.holders(Capability.EARLY_WARNING, Action.MANAGE), "dissemination.nav.deliveries.description",
				150);
	}

	@Bean
	NavigationItem disseminationInboxNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "dissemination.nav.inbox", "/inbox", ShownTo.signedIn(),
				"dissemination.nav.inbox.description", 170);
	}

	@Bean
	NavigationItem disseminationSubscribeNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "dissemination.nav.subscribe", "/subscribe",
				ShownTo.everyone(), "dissemination.nav.subscribe.description", 910);
	}

}
