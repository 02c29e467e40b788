package org.harmwatch.awareness.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The situational-awareness page in the intelligence menu. */
@Configuration(proxyBeanMethods = false)
class AwarenessNavigation {

	@Bean
	NavigationItem awarenessPageNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "awareness.nav", "/awareness",
				ShownTo.holders(Capability.EARLY_WARNING, Action.READ), "awareness.nav.description", 395);
	}

}
