package org.harmwatch.programme.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The programme's entries: early warning's measures in the Intelligence section, for the
 * coordinator; the funding ledger in the Analytics section, for the commissioner's
 * office.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeNavigation {

	@Bean
	NavigationItem measuresNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "earlywarning.nav.measures", "/early-warning/measures",
				ShownTo.holders(Capability.EARLY_WARNING, Action.MANAGE), "earlywarning.nav.measures.description", 140);
	}

	@Bean
	NavigationItem fundingNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "programme.nav.funding", "/programme/funding",
				ShownTo.holders(Capability.PROGRAMME, Action.READ), "programme.nav.funding.description", 300);
	}

}
