package org.harmwatch.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.platform.internal.ClientPseudonyms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token buckets in PostgreSQL ({@code platform.rate_limit_bucket}), shared by every
 * instance: one row per limiter and client, taken from with a single atomic statement, so
 * two instances never hand out the same token.
 *
 * <p>
 * Clients are stored only as {@link ClientPseudonyms keyed hashes}; a bucket is deleted
 * once it has filled up again, so nothing is kept about a client who has stopped sending.
 */
@Component
public class RateLimitStore {

	private final JdbcClient jdbc;

	private final ClientPseudonyms pseudonyms;

	RateLimitStore(JdbcClient jdbc, ClientPseudonyms pseudonyms) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * Takes one token from {@code client}'s bucket of {@code limiter}, which holds
	 * {@code capacity} and gains one every {@code refillEvery}; {@code false} (and
	 * nothing taken) when it is empty.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryTake(String limiter, String client, int capacity, Duration refillEvery) {
		double refill = refillEvery.toNanos() / 1e9;
		// The bucket's level now: what it held, plus what has dripped in since, up to its
		// capacity. The row lock taken
		// by ON CONFLICT makes concurrent requests for the same bucket wait for each
		// other, on any instance.
		var level = "LEAST(:capacity, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM statement_timestamp() - b.updated_at))"
				+ " / :refill)";
		return jdbc.sql("""
				INSERT INTO platform.rate_limit_bucket AS b (limiter, client, tokens, updated_at, full_at)
				VALUES (:limiter, :client, :capacity - 1, statement_timestamp(),
				  statement_timestamp() + make_interval(secs => :refill))
				ON CONFLICT (limiter, client) DO UPDATE
				SET tokens = %1$s - 1,
				    updated_at = statement_timestamp(),
				    full_at = statement_timestamp() + make_interval(secs => (:capacity - (%1$s - 1)) * :refill)
				WHERE %1$s >= 1
				RETURNING tokens""".formatted(level))
			.param("limiter", limiter)
			.param("client", pseudonyms.of("address", client))
			.param("capacity", (double) capacity)
			.param("refill", refill)
			.query(Double.class)
			.optional()
			.isPresent();
	}

	/** Deletes buckets that have filled up again: they limit nobody. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "rate-limit-sweep", lockAtMostFor = "PT5M")
	public void sweep() {
		sweep(Instant.now());
	}

	/** Deletes buckets that are full again at {@code now}. */
	public int sweep(Instant now) {
		return jdbc.sql("DELETE FROM platform.rate_limit_bucket WHERE full_at < ?").param(Timestamp.from(now)).update();
	}

}
