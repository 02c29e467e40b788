package org.harmwatch.consumptionrooms.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.RoomManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumption rooms in the harm-reduction section: the public needle report and needle
 * map for everyone; in administration, the councils answering for needle reports in each
 * district (for those who set up agencies); and on the home page, a council's open and
 * late needle reports for its sweepers, and a room's referrals waiting for an outcome for
 * its staff (the staff pages are reached from there, since a menu entry cannot tell a
 * council's grant from a room's).
 */
@Configuration(proxyBeanMethods = false)
class ConsumptionRoomsNavigation {

	@Bean
	NavigationItem needleReportNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "consumptionrooms.nav.report", "/needles/report",
				ShownTo.everyone(), "consumptionrooms.nav.report.description", 130);
	}

	@Bean
	NavigationItem needlePublicMapNavigation() {
		return new NavigationItem(NavigationGroup.HARM_REDUCTION, "consumptionrooms.nav.publicMap",
				"/needles/public-map", ShownTo.everyone(), "consumptionrooms.nav.publicMap.description", 131);
	}

	@Bean
	NavigationItem needleCouncilsNavigation() {
		return new NavigationItem(NavigationGroup.ADMINISTRATION, "consumptionrooms.nav.councils", "/needles/councils",
				ShownTo.holders(Capability.AGENCY, Action.MANAGE), "consumptionrooms.nav.councils.description", 810);
	}

	@Bean
	WorkQueue consumptionRoomsWorkQueue(NeedleManagement needles, RoomManagement rooms) {
		return (HarmwatchUser user, Instant now) -> {
			var items = new ArrayList<WorkItem>();
			needles.openAndLate(user).ifPresent(counts -> {
				items.add(new WorkItem(NavigationGroup.HARM_REDUCTION, "consumptionrooms.home.queue.late", counts[1],
						"/needles?status=OPEN", Urgency.URGENT, 40));
				items.add(new WorkItem(NavigationGroup.HARM_REDUCTION, "consumptionrooms.home.queue.open", counts[0],
						"/needles?status=OPEN", Urgency.ROUTINE, 41));
			});
			rooms.pendingReferrals(user)
				.ifPresent(count -> items.add(new WorkItem(NavigationGroup.HARM_REDUCTION,
						"consumptionrooms.home.queue.referrals", count, "/rooms", Urgency.ROUTINE, 42)));
			return List.copyOf(items);
		};
	}

}
