package org.harmwatch.programme.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The programme's entry in the Intelligence section: early warning's measures, for the
 * coordinator.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeNavigation {

	@Bean
	NavigationItem measuresNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.measures", "/early-warning/measures",
				ShownTo.holders(Capability.EARLY_WARNING, Action.MANAGE), "earlywarning.nav.measures.description", 140);
	}

}
