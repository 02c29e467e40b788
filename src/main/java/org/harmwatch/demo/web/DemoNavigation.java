package org.harmwatch.demo.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo outbox in the Administration section, for everyone signed in to the demo.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("harmwatch.demo.outbox")
class DemoNavigation {

	@Bean
	NavigationItem demoOutboxNavigation() {
		return new NavigationItem(NavigationGroup.ADMINISTRATION, "demo.nav.outbox", "/demo/outbox", ShownTo.signedIn(),
				"demo.nav.outbox.description", 900);
	}

}
