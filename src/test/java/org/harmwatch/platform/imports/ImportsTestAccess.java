package org.harmwatch.platform.imports;

import java.time.Instant;

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

}
