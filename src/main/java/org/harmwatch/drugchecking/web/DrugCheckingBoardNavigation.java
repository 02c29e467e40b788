package org.harmwatch.drugchecking.web;

import org.harmwatch.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public results board for everyone, and the statistics for drug-checking staff. */
@Configuration(proxyBeanMethods = false)
class DrugCheckingBoardNavigation {

	@Bean
	NavigationItem drugCheckingBoardNavigationItem() {
		return new NavigationItem("board.nav", "/drug-checking/board", null, "board.nav.description", 215);
	}

	@Bean
	NavigationItem drugCheckingStatisticsNavigationItem() {
		return new NavigationItem("stats.nav", "/drug-checking/statistics", "DRUG_CHECKING:READ", "stats.nav.description",
				205);
	}

}
