package org.harmwatch.platform.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries events whose listener failed or whose instance died mid-way, on one instance at
 * a time.
 *
 * <p>
 * Publications older than the threshold that are still incomplete are handed to their
 * listeners again; listeners are idempotent, so a retry of work that did in fact finish
 * changes nothing.
 */
@Component
class EventResubmission {

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	EventResubmission(IncompleteEventPublications incomplete,
			@Value("${harmwatch.events.resubmit-older-than:PT2M}") Duration olderThan) {
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${harmwatch.events.resubmit-every:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT5M")
	void resubmit() {
		incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
	}

}
