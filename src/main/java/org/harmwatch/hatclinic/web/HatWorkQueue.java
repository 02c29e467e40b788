package org.harmwatch.hatclinic.web;

import java.time.Instant;
import java.util.List;

import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.springframework.stereotype.Component;

/**
 * The clinic's work on the home page: clinical reviews raised by missed doses, in the
 * person's own clinic.
 */
@Component
class HatWorkQueue implements WorkQueue {

	private final HatClinicManagement clinic;

	HatWorkQueue(HatClinicManagement clinic) {
		this.clinic = clinic;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (!HatPolicy.mayRecord(user)) {
			return List.of();
		}
		return List.of(new WorkItem(NavigationGroup.HARM_REDUCTION, "hatclinic.home.queue.reviews",
				clinic.openReviewCount(user), "/hat", Urgency.URGENT, 40));
	}

}
