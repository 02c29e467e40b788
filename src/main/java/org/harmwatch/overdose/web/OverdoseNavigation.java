package org.harmwatch.overdose.web;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Overdose's entries: the incidents and recording one (intelligence), and the published
 * statistics and their map (analytics, for everyone), and the daily surveillance run (for
 * analysts).
 */
@Configuration(proxyBeanMethods = false)
class OverdoseNavigation {

	@Bean
	NavigationItem overdoseIncidentsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "overdose.nav.incidents", "/overdose/incidents",
				ShownTo.holders(Capability.OVERDOSE, Action.READ), "overdose.nav.incidents.description", 400);
	}

	@Bean
	NavigationItem overdoseMapNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "overdose.nav.map", "/overdose/map",
				ShownTo.holders(Capability.OVERDOSE, Action.READ), "overdose.nav.map.description", 405);
	}

	@Bean
	NavigationItem overdoseDeathsNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "overdose.nav.deaths", "/overdose/deaths",
				ShownTo.holders(Capability.OVERDOSE, Action.READ), "overdose.nav.deaths.description", 407);
	}

	@Bean
	NavigationItem overdoseRecordNavigation() {
		return new NavigationItem(NavigationGroup.INTELLIGENCE, "overdose.nav.record", "/overdose/incidents/new",
				ShownTo.holders(Capability.OVERDOSE, Action.WRITE), "overdose.nav.record.description", 410);
	}

	@Bean
	NavigationItem overdoseSurveillanceNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "overdose.nav.surveillance", "/overdose/surveillance",
				ShownTo.holders(Capability.ANALYTICS, Action.READ), "overdose.nav.surveillance.description", 812);
	}

	@Bean
	NavigationItem overdoseStatisticsNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "overdose.nav.statistics", "/overdose/statistics",
				ShownTo.everyone(), "overdose.nav.statistics.description", 810);
	}

	@Bean
	NavigationItem overdosePublicMapNavigation() {
		return new NavigationItem(NavigationGroup.ANALYTICS, "overdose.nav.publicMap", "/overdose/statistics/map",
				ShownTo.everyone(), "overdose.nav.publicMap.description", 811);
	}

}
