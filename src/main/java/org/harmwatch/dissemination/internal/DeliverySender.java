package org.harmwatch.dissemination.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.earlywarning.AlertIssued;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: claims a small batch, sends each message, marks each one as soon
 * as the provider accepted it; many of these may run at once, on one instance or several.
 *
 * <p>
 * <b>Exactly once.</b> A claim
 * ({@code UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)}) moves rows to SENDING
 * with a lease ({@code claimed_until}) in its own short transaction, so two senders never
 * hold the same row. After each accepted message its row is marked SENT at once
 * (autocommit, one row), so a sender that dies loses at most the message it was sending:
 * its other claimed rows stay SENDING until the lease runs out and are then taken over by
 * another sender. The window that remains is a crash (or a lost database connection)
 * after the provider accepted a message and before its row was marked: that one message
 * is sent again after the lease. It is kept small by marking per message, and made
 * recognisable downstream by the idempotency key, which is the email's
 * {@code Message-ID}, Notify's {@code reference} and the webhook's
 * {@code X-Harmwatch-Delivery}. A sender also stops using a claim well before its lease
 * ends, so a slow provider cannot make two senders hold one row.
 *
 * <p>
 * Failures: FAILED with the error and a retry at {@code backoff × 2^(attempts−1)}
 * (capped); after {@code max-attempts} attempts, DEAD. A delivery whose subscriber has
 * left is DEAD without being sent.
 */
@Component
public class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private final JdbcClient jdbc;

	private final Map<DeliveryChannel, ChannelSender> channels = new EnumMap<>(DeliveryChannel.class);

	private final DisseminationProperties properties;

	private final Clock clock;

	private final DataSource dataSource;

	private final DeliveryCounts counts;

	@Autowired
	public DeliverySender(JdbcClient jdbc, DataSource dataSource, List<ChannelSender> senders,
			DisseminationProperties properties, Clock clock, DeliveryCounts counts) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.dataSource = dataSource;
		for (var sender : senders) {
			channels.put(sender.channel(), sender);
		}
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Thrown by {@link #sendDue} when told to stop as if the process had been killed
	 * (tests of crash recovery).
	 */
	public static class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("Stopped as if killed");
		}

	}

	@Scheduled(fixedDelayString = "${harmwatch.dissemination.send-every:PT1S}",
			initialDelayString = "${harmwatch.dissemination.initial-delay:PT30S}")
	void scheduled() {
		// No ShedLock here: senders are meant to run side by side, on one instance and
		// across instances; claims keep
		// them apart.
		sendDueTogether(clock.instant(), null);
	}

	/**
	 * Sends everything due at {@code now} with {@code senders} senders at once (the
	 * scheduled job; the benchmark).
	 * @param alertId only this alert's deliveries, or all
	 * @return how many messages were sent
	 */
	public int sendDueTogether(Instant now, @Nullable UUID alertId) {
		int senders = properties.senders();
		if (senders == 1) {
			return sendDue(now, alertId, -1);
		}
		var factory = Thread.ofPlatform().name("alert-sender-", 1).factory();
		var results = new ArrayList<Future<Integer>>();
		try (var pool = Executors.newFixedThreadPool(senders, factory)) {
			for (int i = 0; i < senders; i++) {
				results.add(pool.submit(() -> sendDue(now, alertId, -1)));
			}
		}
		int sent = 0;
		for (var result : results) {
			try {
				sent += result.get();
			}
			catch (ExecutionException ex) {
				log.error("A sender stopped; its claims lapse and are taken over after the lease", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return sent;
	}

	/** Sends everything due now; returns how many messages were sent. */
	public int sendDue(Instant now) {
		return sendDue(now, null, -1);
	}

	/**
	 * Sends everything due at {@code now}, batch after batch.
	 * @param alertId only this alert's deliveries, or all
	 * @param crashAfter stop dead (no clean-up, claims left as they are) after this many
	 * sends; negative for never
	 * @return how many messages were sent
	 */
	public int sendDue(Instant now, @Nullable UUID alertId, int crashAfter) {
		int sent = 0;
		Instant started = Instant.now();
		// Issues whose deliveries this run settled, counted for the measures when it ends
		// and every few seconds.
		Set<DeliveryCounts.Issue> touched = new HashSet<>();
		Instant counted = started;
		while (true) {
			// The lease is counted from the caller's "now" plus the time spent, so a
			// test's clock is honoured.
			var at = now.plus(Duration.between(started, Instant.now()));
			var batch = claim(at, alertId, touched);
			if (batch.isEmpty()) {
				counts.publish(touched);
				return sent;
			}
			sent += send(batch, at, crashAfter < 0 ? -1 : crashAfter - sent);
			if (Duration.between(counted, Instant.now()).compareTo(COUNT_EVERY) > 0) {
				counts.publish(touched);
				touched.clear();
				counted = Instant.now();
			}
		}
	}

	/** How often a long run of a sender counts the deliveries it settled. */
	static final Duration COUNT_EVERY = Duration.ofSeconds(5);

	private List<Outgoing> claim(Instant now, @Nullable UUID alertId, Set<DeliveryCounts.Issue> touched) {
		var until = now.plus(properties.lease());
		var alerts = new HashMap<String, AlertIssued>();
		// Two index-backed queues, never an OR of both (which made every claim sort all
		// due rows): leases that ran
		// out (their sender died; rare, and first because they are oldest), then due rows
		// in the order of the
		// due index; each takes at most a batch.
		var rows = jdbc.sql("""
				WITH lapsed AS (
				  SELECT id FROM dissemination.delivery
				  WHERE state = 'SENDING' AND claimed_until < :now
				    AND (CAST(:alert AS UUID) IS NULL OR alert_id = CAST(:alert AS UUID))
				  ORDER BY claimed_until LIMIT :limit
				  FOR UPDATE SKIP LOCKED),
				due AS (
				  SELECT id FROM dissemination.delivery
				  WHERE state IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
				    AND (CAST(:alert AS UUID) IS NULL OR alert_id = CAST(:alert AS UUID))
				  ORDER BY next_attempt_at, id LIMIT :limit
				  FOR UPDATE SKIP LOCKED),
				claimed AS (
				  UPDATE dissemination.delivery d
				  SET state = 'SENDING', claimed_until = :until, attempts = d.attempts + 1
				  WHERE d.id IN (SELECT id FROM (SELECT id FROM lapsed UNION ALL SELECT id FROM due) c LIMIT :limit)
				  RETURNING d.*)
				SELECT c.id, c.idempotency_key, c.channel, c.recipient, c.audience, c.token, c.alert_id, c.version,
				  c.subscription_id, s.unsubscribe_token, s.secret, s.address, s.active, s.kind
				FROM claimed c LEFT JOIN dissemination.subscription s ON s.id = c.subscription_id
				ORDER BY c.id""")
			.param("until", Timestamp.from(until))
			.param("now", Timestamp.from(now))
			.param("alert", alertId)
			.param("limit", properties.batchSize())
			.query((rs, n) -> {
				var alert = rs.getObject("alert_id", UUID.class);
				int version = rs.getInt("version");
				var channel = DeliveryChannel.valueOf(rs.getString("channel"));
				var recipient = rs.getString("recipient");
				var subscription = rs.getObject("subscription_id", UUID.class);
				boolean left = subscription != null && !rs.getBoolean("active");
				var address = channel == DeliveryChannel.WEBHOOK ? rs.getString("address") : recipient;
				var kind = rs.getString("kind");
				// Professionals reached through their agency or role cannot unsubscribe
				// themselves.
				var unsubscribe = subscription == null || "WEBHOOK".equals(kind) ? null
						: rs.getString("unsubscribe_token");
				return new Object[] { rs.getLong("id"), rs.getString("idempotency_key"), channel, recipient,
						rs.getString("audience"), address, rs.getString("token"), unsubscribe, rs.getString("secret"),
						alert, version, left };
			})
			.list();
		var result = new ArrayList<Outgoing>();
		for (var row : rows) {
			long id = (Long) row[0];
			touched.add(new DeliveryCounts.Issue((UUID) row[9], (Integer) row[10]));
			if ((Boolean) row[11] || row[5] == null) {
				jdbc.sql("UPDATE dissemination.delivery SET state = 'DEAD', last_error = :error, claimed_until = NULL "
						+ "WHERE id = :id AND state = 'SENDING'")
					.param("id", id)
					.param("error", "The subscriber left before it was sent")
					.update();
				continue;
			}
			var issue = (UUID) row[9];
			int version = (Integer) row[10];
			var alert = alerts.computeIfAbsent(issue + ":" + version,
					k -> jdbc.sql("SELECT * FROM dissemination.alert_issue WHERE alert_id = ? AND version = ?")
						.params(issue, version)
						.query((rs, n) -> AlertIssues.map(rs))
						.single());
			result.add(new Outgoing(id, (String) row[1], (DeliveryChannel) row[2], (String) row[3], (String) row[4],
					(String) row[5], (String) row[6], (String) row[7], (String) row[8], alert, until));
		}
		return result;
	}

	private int send(List<Outgoing> batch, Instant now, int crashAfter) {
		int sent = 0;
		var byChannel = new EnumMap<DeliveryChannel, List<Outgoing>>(DeliveryChannel.class);
		batch.forEach(m -> byChannel.computeIfAbsent(m.channel(), c -> new ArrayList<>()).add(m));
		Instant started = Instant.now();
		for (var entry : byChannel.entrySet()) {
			var sender = channels.get(entry.getKey());
			var messages = entry.getValue();
			ChannelSender.Connection connection;
			try {
				if (sender == null) {
					throw new IllegalStateException("No sender for " + entry.getKey());
				}
				connection = sender.open();
			}
			catch (Exception ex) {
				log.warn("Cannot open {} connection: {}", entry.getKey(), ex.toString());
				messages.forEach(m -> failed(m, now, ex));
				continue;
			}
			try (connection; var marks = new Marks()) {
				for (int i = 0; i < messages.size(); i++) {
					var message = messages.get(i);
					if (crashAfter >= 0 && sent >= crashAfter) {
						throw new SimulatedCrash();
					}
					// Stop well before the lease runs out; the rest go back to the queue
					// for anyone.
					var elapsed = Duration.between(started, Instant.now());
					if (now.plus(elapsed).isAfter(message.claimedUntil().minus(properties.lease().dividedBy(2)))) {
						release(messages.subList(i, messages.size()));
						break;
					}
					String providerId;
					try {
						providerId = connection.send(message);
					}
					catch (Exception ex) {
						failed(message, now, ex);
						continue;
					}
					// Accepted: from here on the message must not be retried as failed.
					// If it cannot be marked
					// (the database went away), its row and the rest of the batch stay
					// SENDING until the lease
					// runs out, as if this sender had died.
					marks.sent(message, providerId, now.plus(Duration.between(started, Instant.now())));
					sent++;
				}
			}
			catch (SQLException ex) {
				log.error(
						"Cannot record sent {} messages; their claims lapse and they are sent again after the lease: {}",
						entry.getKey(), ex.toString());
			}
		}
		return sent;
	}

	/**
	 * Marks accepted messages SENT, each at once in its own autocommitted {@code UPDATE},
	 * over one connection held for the batch and one prepared statement: one round trip
	 * per message. The connection does not wait for the write-ahead log to reach disk
	 * ({@code synchronous_commit = off}, reset before it goes back to the pool): waiting
	 * for a flush per message was the sender's bottleneck. A mark is still atomic and
	 * visible at once; only a crash of the database server itself within a fraction of a
	 * second can lose one, which widens the documented window (a message sent again after
	 * its lease) by those marks, and nothing else.
	 */
	private final class Marks implements AutoCloseable {

		private final Connection connection;

		private final PreparedStatement mark;

		Marks() throws SQLException {
			connection = dataSource.getConnection();
			try {
				connection.setAutoCommit(true);
				try (var statement = connection.createStatement()) {
					statement.execute("SET synchronous_commit = off");
				}
				mark = connection.prepareStatement("""
						UPDATE dissemination.delivery SET state = 'SENT', provider_id = ?, sent_at = ?,
						  claimed_until = NULL, last_error = NULL
						WHERE id = ? AND state = 'SENDING'""");
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
		}

		void sent(Outgoing message, String providerId, Instant at) throws SQLException {
			mark.setString(1, providerId);
			mark.setTimestamp(2, Timestamp.from(at));
			mark.setLong(3, message.id());
			mark.executeUpdate();
		}

		@Override
		public void close() throws SQLException {
			try (connection; mark; var statement = connection.createStatement()) {
				statement.execute("RESET synchronous_commit");
			}
		}

	}

	private void release(List<Outgoing> messages) {
		for (var message : messages) {
			jdbc.sql("UPDATE dissemination.delivery SET state = 'PENDING', claimed_until = NULL, "
					+ "attempts = attempts - 1 WHERE id = :id AND state = 'SENDING'")
				.param("id", message.id())
				.update();
		}
	}

	private void failed(Outgoing message, Instant now, Exception ex) {
		var error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		error = error.length() > 500 ? error.substring(0, 500) : error;
		int attempts = jdbc.sql("SELECT attempts FROM dissemination.delivery WHERE id = ?")
			.param(message.id())
			.query(Integer.class)
			.single();
		boolean dead = attempts >= properties.maxAttempts();
		var wait = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		if (wait.compareTo(properties.maxBackoff()) > 0) {
			wait = properties.maxBackoff();
		}
		jdbc.sql("""
				UPDATE dissemination.delivery SET state = :state, last_error = :error, next_attempt_at = :next,
				  claimed_until = NULL
				WHERE id = :id AND state = 'SENDING'""")
			.param("state", dead ? "DEAD" : "FAILED")
			.param("error", error)
			.param("next", Timestamp.from(now.plus(wait)))
			.param("id", message.id())
			.update();
		log.warn("Delivery {} {} failed (attempt {}): {}", message.id(), message.channel(), attempts, error);
	}

}
