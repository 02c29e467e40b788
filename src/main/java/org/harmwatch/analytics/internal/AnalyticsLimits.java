package org.harmwatch.analytics.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one analytics request may ask for, and how many run at once
 * ({@code harmwatch.analytics.limits.*}).
 *
 * @param maxHeatmapWork the most kernel evaluations one heatmap may take: points times
 * the cells each reaches within the bandwidth. This machine makes about 200 million a
 * second, so the default is about a second of one core; 2,000 points on a million cells
 * with a 50 km bandwidth (2 billion, 9.5 s) is refused.
 * @param threads the threads of the analytics executor's fork-join pool (0: one per
 * core); requests and their parallel parts run there, never on the common pool
 * @param concurrentRequests how many analytics requests compute at the same time
 * @param waitForSlot how long a request waits for one of those before it is turned away
 * with 429 Too Many Requests
 */
@ConfigurationProperties("harmwatch.analytics.limits")
public record AnalyticsLimits(@DefaultValue("200000000") long maxHeatmapWork, @DefaultValue("0") int threads,
		@DefaultValue("2") int concurrentRequests, @DefaultValue("PT10S") Duration waitForSlot) {

	public AnalyticsLimits {
		if (threads < 0 || concurrentRequests < 1 || waitForSlot.isNegative()) {
			throw new IllegalArgumentException(
					"harmwatch.analytics.limits: threads >= 0, concurrent-requests >= 1, wait-for-slot >= 0");
		}
	}

}
