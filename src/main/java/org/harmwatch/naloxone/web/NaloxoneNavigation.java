package org.harmwatch.naloxone.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Naloxone's entries in the harm-reduction section: the kit ledger and the figures for
 * naloxone staff, and the public finder for everyone, signed in or not.
 *
 * <p>
 * The finder's entry makes the header longer on every page; pages whose form needs a
 * session (CSRF token) resolve the token before they render, so a longer header cannot
 * push them past the response buffer first.
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
				ShownTo.everyone(), "naloxone.nav.finder.description", 120);
	}

}
