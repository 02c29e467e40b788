package org.harmwatch.naloxone.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Naloxone's entries in the harm-reduction section: the kit ledger, the figures and the
 * finder, for naloxone staff.
 *
 * <p>
 * The finder itself is public ({@code /naloxone/finder}, no sign-in), but its entry is
 * not yet shown to everyone: a public section more in the header pushes the anonymous
 * subscription-confirmation page past the response buffer before its form asks for a
 * session (CSRF token), and that page then fails. Show it with {@code ShownTo.everyone()}
 * once that page no longer depends on the header's size.
 */
@Configuration(proxyBeanMethods = false)
class NaloxoneNavigation {

	@Bean
	NavigationItem naloxoneLedgerNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "naloxone.nav.ledger", "/naloxone",
				ShownTo.holders(Capability.NALOXONE, Action.READ), "naloxone.nav.ledger.description", 100);
	}

	@Bean
	NavigationItem naloxoneFiguresNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "naloxone.nav.figures", "/naloxone/figures",
				ShownTo.holders(Capability.NALOXONE, Action.READ), "naloxone.nav.figures.description", 110);
	}

	@Bean
	NavigationItem naloxoneFinderNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "naloxone.nav.finder", "/naloxone/finder",
				ShownTo.holders(Capability.NALOXONE, Action.READ), "naloxone.nav.finder.description", 120);
	}

}
