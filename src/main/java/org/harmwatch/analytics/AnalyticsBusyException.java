package org.harmwatch.analytics;

import java.time.Duration;

/**
 * Every slot of the analytics executor stayed taken while the request waited: try again
 * later (nothing was computed or changed).
 */
public class AnalyticsBusyException extends RuntimeException {

	private final Duration retryAfter;

	public AnalyticsBusyException(Duration retryAfter) {
		super("The analytics engine is busy with other requests; try again in " + retryAfter.toSeconds() + " seconds.");
		this.retryAfter = retryAfter;
	}

	/** When a retry is worth it. */
	public Duration retryAfter() {
		return retryAfter;
	}

}
