package org.harmwatch.drugchecking.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public results board for everyone, and the statistics for drug-checking staff, in
 * the Drug checking section.
 */
@Configuration(proxyBeanMethods = false)
class DrugCheckingBoardNavigation {

	@Bean
	NavigationItem drugCheckingBoardNavigationItem() {
		return new NavigationItem(NavigationGroup.DRUG_CHECKING, "drugchecking.home.nav.board", "/drug-checking/board",
				ShownTo.everyone(), "board.nav.description", 215);
	}

	@Bean
	NavigationItem drugCheckingStatisticsNavigationItem() {
		return new NavigationItem(NavigationGroup.DRUG_CHECKING, "drugchecking.home.nav.statistics",
				"/drug-checking/statistics", ShownTo.holders(Capability.DRUG_CHECKING, Action.READ),
				"stats.nav.description", 205);
	}

}
