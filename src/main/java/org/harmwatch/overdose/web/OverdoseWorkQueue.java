package org.harmwatch.overdose.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harmwatch.overdose.OverdoseSurveillance;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.springframework.stereotype.Component;

/**
 * Overdose's work on the home page: for analysts, the alarms of today's surveillance run
 * (each is for them to look at, next to the signal it opened).
 */
@Component
class OverdoseWorkQueue implements WorkQueue {

	private final OverdoseSurveillance surveillance;

	private final RegionSettings region;

	OverdoseWorkQueue(OverdoseSurveillance surveillance, RegionSettings region) {
		this.surveillance = surveillance;
		this.region = region;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (!OverdoseSurveillance.mayRun(user)) {
			return List.of();
		}
		var today = LocalDate.ofInstant(now, region.timeZone()).atStartOfDay(region.timeZone()).toInstant();
		return List.of(new WorkItem(NavigationGroup.ANALYTICS, "overdose.home.queue.surveillanceAlarms",
				surveillance.alarmsToday(user, today), "/overdose/surveillance", Urgency.ROUTINE, 40));
	}

}
