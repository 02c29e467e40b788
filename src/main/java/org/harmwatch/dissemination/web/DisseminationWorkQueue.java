package org.harmwatch.dissemination.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.harmwatch.dissemination.internal.DisseminationWorkRepository;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.stereotype.Component;

/**
 * Dissemination's work on the home page: alert deliveries given up on, for those who may
 * see the delivery log and send them again (early-warning manage, as the log's pages
 * require).
 *
 * <p>
 * Deliveries are the region's, not an agency's: everyone who may open the log sees all of
 * them.
 */
@Component
class DisseminationWorkQueue implements WorkQueue {

	/** How far back given-up deliveries count as waiting. */
	static final Duration WINDOW = Duration.ofDays(30);

	private final DisseminationWorkRepository work;

	DisseminationWorkQueue(DisseminationWorkRepository work) {
		this.work = work;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (!WorkQueue.holds(user, Capability.EARLY_WARNING, Action.MANAGE)) {
			return List.of();
		}
		return List.of(new WorkItem(NavigationGroup.INTELLIGENCE, "dissemination.home.queue.givenUp",
				work.givenUpSince(now.minus(WINDOW)), "/dissemination", Urgency.URGENT, 50));
	}

}
