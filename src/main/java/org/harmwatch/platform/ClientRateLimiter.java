package org.harmwatch.platform;

import java.time.Duration;

/**
 * A token bucket per client for an anonymous public form or lookup: {@code capacity} at
 * once, then one more every {@code refillEvery}.
 *
 * <p>
 * The buckets live in PostgreSQL ({@link RateLimitStore}), so the limit holds across
 * every instance: a client gets {@code capacity} in a burst however many instances there
 * are. The client is the address the connection came from, or the one a trusted proxy
 * vouches for ({@code harmwatch.http.trusted-proxies}); an {@code X-Forwarded-For} header
 * from anyone else is ignored, so a client cannot make itself new by writing one.
 * Addresses are stored only as keyed hashes and only while their bucket is not full. Each
 * public form has its own limiter (a subclass that reads its settings).
 */
public class ClientRateLimiter {

	private final String name;

	private final int capacity;

	private final Duration refillEvery;

	private final RateLimitStore store;

	/**
	 * A limiter called {@code name} (its buckets are its own, whatever other limiters
	 * do).
	 */
	public ClientRateLimiter(String name, int capacity, Duration refillEvery, RateLimitStore store) {
		if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
			throw new IllegalArgumentException(
					"A rate limit needs a capacity of at least 1 and a positive refill time");
		}
		this.name = name;
		this.capacity = capacity;
		this.refillEvery = refillEvery;
		this.store = store;
	}

	/** Takes one request from the client's bucket; {@code false} when it is empty. */
	public boolean tryAcquire(String clientAddress) {
		return store.tryTake(name, clientAddress, capacity, refillEvery);
	}

	/** How long until the client may send again, rounded up to a second. */
	public Duration retryAfter() {
		long nanos = refillEvery.toNanos();
		return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
	}

}
