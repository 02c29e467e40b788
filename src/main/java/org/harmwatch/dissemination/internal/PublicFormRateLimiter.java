package org.harmwatch.dissemination.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per client for the public subscription forms, in memory (as the anonymous report form's): clients
 * are told apart by a salted hash of their IP address, never stored. Per instance.
 */
@Component
public class PublicFormRateLimiter {

	private static final int MAX_CLIENTS = 50_000;

	private final byte[] salt = new byte[32];

	private final int capacity;

	private final long refillNanos;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private record Bucket(double tokens, long at) {
	}

	PublicFormRateLimiter(DisseminationProperties properties) {
		new SecureRandom().nextBytes(salt);
		this.capacity = properties.publicForm().capacity();
		this.refillNanos = properties.publicForm().refillEvery().toNanos();
	}

	/** Takes one submission from the client's bucket; {@code false} when it is empty. */
	public boolean tryAcquire(String clientAddress) {
		if (buckets.size() > MAX_CLIENTS) {
			long now = System.nanoTime();
			buckets.entrySet().removeIf(e -> refill(e.getValue(), now) >= capacity);
		}
		var granted = new boolean[1];
		buckets.compute(hash(clientAddress), (k, bucket) -> {
			long now = System.nanoTime();
			double tokens = bucket == null ? capacity : refill(bucket, now);
			granted[0] = tokens >= 1;
			return new Bucket(granted[0] ? tokens - 1 : tokens, now);
		});
		return granted[0];
	}

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
