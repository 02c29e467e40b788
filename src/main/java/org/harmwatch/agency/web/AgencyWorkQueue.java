package org.harmwatch.agency.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harmwatch.agency.internal.AgencyWorkRepository;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.stereotype.Component;

/**
 * Administration's work on the home page: data-sharing agreements about to end, for those
 * who may record new ones (agency manage). When one ends, the recipient agency loses
 * access to the owner's records that day.
 *
 * <p>
 * Agreements are between agencies, and administrators see all of them on the sharing
 * page; so does the count. Staff accounts need no approval in Harmwatch, so no line
 * counts accounts waiting.
 */
@Component
class AgencyWorkQueue implements WorkQueue {

	/** How many days ahead an agreement's end counts as waiting. */
	static final int DAYS_AHEAD = 30;

	private final AgencyWorkRepository work;

	private final RegionSettings region;

	AgencyWorkQueue(AgencyWorkRepository work, RegionSettings region) {
		this.work = work;
		this.region = region;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (!WorkQueue.holds(user, Capability.AGENCY, Action.MANAGE)) {
			return List.of();
		}
		var today = LocalDate.ofInstant(now, region.timeZone());
		return List.of(new WorkItem(NavigationGroup.ADMINISTRATION, "agency.home.queue.agreementsEnding",
				work.agreementsEndingBetween(today, today.plusDays(DAYS_AHEAD)), "/admin/sharing", Urgency.ROUTINE,
				10));
	}

}
