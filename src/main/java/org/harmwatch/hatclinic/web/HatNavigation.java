package org.harmwatch.hatclinic.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Heroin-assisted treatment's entries: the clinic and its session screen (harm
 * reduction), and the published outcomes (analytics, for everyone).
 */
@Configuration(proxyBeanMethods = false)
class HatNavigation {

	@Bean
	NavigationItem hatClinicNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "hatclinic.nav.clinic", "/hat",
				ShownTo.holders(Capability.HAT_CLINIC, Action.READ), "hatclinic.nav.clinic.description", 300);
	}

	@Bean
	NavigationItem hatSessionNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "hatclinic.nav.session", "/hat/session",
				ShownTo.holders(Capability.HAT_CLINIC, Action.READ), "hatclinic.nav.session.description", 305);
	}

	@Bean
	NavigationItem hatOutcomesNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "hatclinic.nav.outcomes", "/hat/outcomes",
				ShownTo.everyone(), "hatclinic.nav.outcomes.description", 830);
	}

}
