package org.harmwatch.geography.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The map in the main navigation, for everyone.
 */
@Configuration(proxyBeanMethods = false)
class GeographyNavigation {

	@Bean
	NavigationItem mapNavigation() {
		return new NavigationItem("geography.nav.map", "/map", null, "geography.nav.map.description", 800);
	}

}
