package org.harmwatch.custodytesting.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Custody testing's entries: one for its holders (custody staff land on the arrests, the
 * treatment team, who hold the same capability for health, on their referrals) and the
 * funnel (analytics, for everyone).
 */
@Configuration(proxyBeanMethods = false)
class CustodyTestingNavigation {

	@Bean
	NavigationItem custodyTestingHomeNavigation() {
		return new NavigationItem(NavigationGroup.JUSTICE, "custodytesting.nav.home", "/custody-testing",
				ShownTo.holders(Capability.CUSTODY_TESTING, Action.READ), "custodytesting.nav.home.description", 300);
	}

	@Bean
	NavigationItem custodyFunnelNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "custodytesting.nav.funnel", "/custody-testing/funnel",
				ShownTo.everyone(), "custodytesting.nav.funnel.description", 830);
	}

}
