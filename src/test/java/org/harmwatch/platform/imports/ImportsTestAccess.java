package org.harmwatch.platform.imports;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages run the import worker's poll at a given time, as the
 * scheduler does.
 */
public final class ImportsTestAccess {

	private ImportsTestAccess() {
	}

	/**
	 * Stops over-interrupted jobs, deletes old ones and claims waiting jobs; the number
	 * claimed.
	 */
	public static int sweep(ApplicationContext context, Instant now) {
		return context.getBean(ImportWorker.class).sweep(now);
	}

	/**
	 * Runs the job on a free worker of this instance if it is waiting to be claimed, as
	 * the scheduler's poll would (tests turn the poll off): a job queued while every
	 * worker was busy, if only for the moment a finishing run takes to free its worker,
	 * waits for the poll.
	 */
	public static void submit(ApplicationContext context, UUID id) {
		context.getBean(ImportWorker.class).submit(id);
	}

}
