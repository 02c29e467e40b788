package org.harmwatch.dissemination.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of delivery work waiting, for the coordinator's home page.
 *
 * <p>
 * Reads the partial index {@code delivery_dead_idx (created_at) WHERE state = 'DEAD'}:
 * given-up deliveries are few, the delivery table is not.
 */
@Repository
@Transactional(readOnly = true)
public class DisseminationWorkRepository {

	private final JdbcClient jdbc;

	DisseminationWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deliveries created since then that were given up (DEAD) and could be sent again:
	 * those whose subscriber has not left, as {@code DeliveryLogManagement#retry}
	 * decides.
	 */
	public long givenUpSince(Instant since) {
		return jdbc
			.sql("""
					SELECT count(*) FROM dissemination.delivery d
					WHERE d.state = 'DEAD' AND d.created_at >= ?
					  AND NOT EXISTS (SELECT 1 FROM dissemination.subscription s WHERE s.id = d.subscription_id AND NOT s.active)""")
			.param(Timestamp.from(since))
			.query(Long.class)
			.single();
	}

}
