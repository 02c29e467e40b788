package org.harmwatch.geography.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The map in the Maps and analysis section, for everyone.
 */
@Configuration(proxyBeanMethods = false)
class GeographyNavigation {

	@Bean
	NavigationItem mapNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "geography.nav.map", "/map", ShownTo.everyone(),
				"geography.nav.map.description", 800);
	}

}
