package org.harmwatch.diversion.web;

import java.time.Instant;
import java.util.List;

import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.springframework.stereotype.Component;

/**
 * Diversion's work on the navigator's home page: breaches waiting for a prosecution
 * decision and contracts ending in the next fortnight, on their own caseload.
 */
@Component
class DiversionWorkQueue implements WorkQueue {

	private final DiversionManagement diversion;

	DiversionWorkQueue(DiversionManagement diversion) {
		this.diversion = diversion;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (!DiversionPolicy.mayWork(user)) {
			return List.of();
		}
		var counts = diversion.workCounts(user);
		return List.of(
				new WorkItem(NavigationGroup.JUSTICE, "diversion.home.queue.decisions", counts[0], "/diversion",
						Urgency.URGENT, 10),
				new WorkItem(NavigationGroup.JUSTICE, "diversion.home.queue.ending", counts[1], "/diversion",
						Urgency.ROUTINE, 20));
	}

}
