package org.harmwatch.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;


/**
 * A token bucket per client for an anonymous public form or lookup, held in memory: {@code capacity} at once, then one
 * more every {@code refillEvery}.
 *
 * <p>Clients are told apart by a salted hash of their IP address; the salt is random per process and never stored, and
 * neither the address nor the hash is written anywhere, so nothing here identifies a person. With several instances
 * behind a load balancer each keeps its own buckets: the limit is per instance, so a client may send up to
 * {@code instances × capacity} in a burst. That is enough to stop a flood or a guessing run, which is all it is for.
 * Each public form has its own limiter (a subclass that reads its settings).
 */
public class ClientRateLimiter {

	private static final int MAX_CLIENTS = 50_000;

	private final byte[] salt = new byte[32];

	private final int capacity;

	private final long refillNanos;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private record Bucket(double tokens, long at) {
	}

	public ClientRateLimiter(int capacity, Duration refillEvery) {
		if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive refill time");
		}
		new SecureRandom().nextBytes(salt);
		this.capacity = capacity;
		this.refillNanos = refillEvery.toNanos();
	}

	/** Takes one request from the client's bucket; {@code false} when it is empty. */
	public boolean tryAcquire(String clientAddress) {
		if (buckets.size() > MAX_CLIENTS) {
			long now = System.nanoTime();
			buckets.entrySet().removeIf(e -> refill(e.getValue(), now) >= capacity);
		}
		var key = hash(clientAddress);
		var granted = new boolean[1];
		buckets.compute(key, (k, bucket) -> {
			long now = System.nanoTime();
			double tokens = bucket == null ? capacity : refill(bucket, now);
			granted[0] = tokens >= 1;
			return new Bucket(granted[0] ? tokens - 1 : tokens, now);
		});
		return granted[0];
	}

	/** How long until the client may send again, rounded up to a second. */
	public Duration retryAfter() {
		return Duration.ofSeconds(Math.max(1, (refillNanos + 999_999_999L) / 1_000_000_000L));
	}

	private double refill(Bucket bucket, long now) {
		return Math.min(capacity, bucket.tokens() + (double) (now - bucket.at()) / refillNanos);
	}

	private String hash(String address) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt);
			return HexFormat.of().formatHex(digest.digest(address.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
