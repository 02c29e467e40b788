package org.harmwatch.naloxone.web;

import java.time.Instant;
import java.util.List;

import org.harmwatch.naloxone.internal.NaloxoneWork;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.springframework.stereotype.Component;

/**
 * Naloxone's work on the home page: kits to reissue to holders whose kits were used at
 * overdoses, kits in stock about to expire, and people whose refresher training falls due
 * in the next 30 days, counted in the ledgers the person may change.
 */
@Component
class NaloxoneWorkQueue implements WorkQueue {

	private final NaloxoneWork work;

	NaloxoneWorkQueue(NaloxoneWork work) {
		this.work = work;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		var owners = work.owners(user, Action.WRITE);
		if (owners.isEmpty()) {
			return List.of();
		}
		return List.of(
				new WorkItem(NavigationGroup.HARM_REDUCTION, "naloxone.home.queue.reissue", work.openTasks(owners),
						"/naloxone", Urgency.URGENT, 10),
				new WorkItem(NavigationGroup.HARM_REDUCTION, "naloxone.home.queue.expiring",
						work.kitsExpiringSoon(owners, now), "/naloxone", Urgency.ROUTINE, 20),
				new WorkItem(NavigationGroup.HARM_REDUCTION, "naloxone.home.queue.refreshers",
						work.refreshersDue(owners, now), "/naloxone", Urgency.ROUTINE, 30));
	}

}
