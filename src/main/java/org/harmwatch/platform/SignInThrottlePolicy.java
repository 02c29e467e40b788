package org.harmwatch.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow further attempts ({@code harmwatch.security.sign-in.*}; ADR
 * 8). Nothing locks an account: each key below gets some failures free, then waits
 * {@code firstDelay}, doubled after each further failure up to {@code maxDelay}, before
 * its next attempt is even checked.
 *
 * @param freeFailures failures free for one account from one client address (or one
 * familiar device)
 * @param accountFreeFailures failures free for one account from all unfamiliar clients
 * together
 * @param clientFreeFailures failures free for one client address over all accounts
 * (password spraying)
 * @param firstDelay the wait after the first failure past the free ones
 * @param maxDelay the longest wait
 * @param forgetAfter failures this long ago are forgotten
 * @param familiarFor how long a device or address stays familiar after a successful
 * sign-in from it
 */
@ConfigurationProperties("harmwatch.security.sign-in")
public record SignInThrottlePolicy(@DefaultValue("5") int freeFailures, @DefaultValue("10") int accountFreeFailures,
		@DefaultValue("30") int clientFreeFailures, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("24h") Duration forgetAfter,
		@DefaultValue("90d") Duration familiarFor) {

	public SignInThrottlePolicy {
		if (freeFailures < 0 || accountFreeFailures < 0 || clientFreeFailures < 0 || firstDelay.isNegative()
				|| maxDelay.compareTo(firstDelay) < 0 || !forgetAfter.isPositive() || !familiarFor.isPositive()) {
			throw new IllegalArgumentException("harmwatch.security.sign-in: failures must not be negative, and "
					+ "max-delay ≥ first-delay ≥ 0, forget-after > 0, familiar-for > 0");
		}
	}

	/**
	 * How long to wait after the {@code failures}-th failure on a key that has
	 * {@code free} free ones.
	 */
	public Duration delayAfter(int failures, int free) {
		if (failures <= free) {
			return Duration.ZERO;
		}
		var delay = firstDelay;
		for (int doubled = 0; doubled < failures - free - 1 && delay.compareTo(maxDelay) < 0; doubled++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

}
