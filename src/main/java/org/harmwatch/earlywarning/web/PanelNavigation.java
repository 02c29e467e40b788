package org.harmwatch.earlywarning.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The expert panel's entry in the Intelligence section: signals waiting for a member's
 * grade.
 */
@Configuration(proxyBeanMethods = false)
class PanelNavigation {

	@Bean
	NavigationItem earlyWarningPanelNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.panel", "/early-warning/panel",
				ShownTo.holders(Capability.EARLY_WARNING, Action.APPROVE), "earlywarning.nav.panel.description", 110);
	}

}
