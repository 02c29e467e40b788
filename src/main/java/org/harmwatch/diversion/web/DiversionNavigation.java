package org.harmwatch.diversion.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Diversion's entries in the justice section: the cases, outcomes and fairness. */
@Configuration(proxyBeanMethods = false)
class DiversionNavigation {

	@Bean
	NavigationItem diversionCasesNavigation() {
		return new NavigationItem(NavigationGroup.JUSTICE, "diversion.nav.cases", "/diversion",
				ShownTo.holders(Capability.DIVERSION, Action.READ), "diversion.nav.cases.description", 300);
	}

	@Bean
	NavigationItem diversionOutcomesNavigation() {
		return new NavigationItem(NavigationGroup.JUSTICE, "diversion.nav.outcomes", "/diversion/outcomes",
				ShownTo.holders(Capability.DIVERSION, Action.READ), "diversion.nav.outcomes.description", 310);
	}

	@Bean
	NavigationItem diversionFairnessNavigation() {
		return new NavigationItem(NavigationGroup.JUSTICE, "diversion.nav.fairness", "/diversion/fairness",
				ShownTo.holders(Capability.DIVERSION, Action.READ), "diversion.nav.fairness.description", 320);
	}

}
