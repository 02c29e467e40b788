package org.harmwatch.dissemination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DeliveryLog;
import org.harmwatch.dissemination.DeliveryState;
import org.harmwatch.dissemination.DeliveryTotals;
import org.harmwatch.dissemination.DeliveryLogManagement.IssuedAlert;
import org.harmwatch.dissemination.DisseminationManagement.Received;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries table as the people and pages that read it see it: a recipient's link,
 * acknowledgements and feedback, the delivery log, retries and totals. The fan-out and
 * the senders write deliveries themselves.
 */
@Repository
public class DeliveryRepository {

	/** A delivery a link refers to, as a recipient's answer needs it. */
	public record Answered(long id, UUID alertId, int version, Instant queuedAt, Instant at, boolean first) {
	}

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a delivery's link refers to, if anything. */
	public Optional<Received> received(String token) {
		return jdbc.sql("""
				SELECT a.reference, a.headline, d.audience, d.acknowledged_at, f.delivery_id IS NOT NULL AS given
				FROM dissemination.delivery d
				JOIN dissemination.alert_issue a ON a.alert_id = d.alert_id AND a.version = d.version
				LEFT JOIN dissemination.feedback f ON f.delivery_id = d.id
				WHERE d.token = ?""")
			.param(token)
			.query((rs, n) -> new Received(rs.getString("reference"), rs.getString("headline"),
					"PROFESSIONALS".equals(rs.getString("audience")), instant(rs, "acknowledged_at"),
					rs.getBoolean("given")))
			.optional();
	}

	/**
	 * Records the first acknowledgement of a delivery to a professional; empty when the
	 * token names none.
	 */
	public Optional<Answered> acknowledge(String token, Instant now) {
		return jdbc.sql("""
				WITH before AS (SELECT id, acknowledged_at FROM dissemination.delivery
				  WHERE token = :token AND audience = 'PROFESSIONALS' FOR UPDATE)
				UPDATE dissemination.delivery d SET acknowledged_at = COALESCE(d.acknowledged_at, :now)
				FROM before b WHERE d.id = b.id
				RETURNING d.id, d.alert_id, d.version, d.created_at, d.acknowledged_at,
				  b.acknowledged_at IS NULL AS first""")
			.param("now", Timestamp.from(now))
			.param("token", token)
			.query((rs, n) -> new Answered(rs.getLong("id"), rs.getObject("alert_id", UUID.class), rs.getInt("version"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("acknowledged_at").toInstant(),
					rs.getBoolean("first")))
			.optional();
	}

	/**
	 * Records a recipient's first answer; empty when they had already answered (or the
	 * token names nothing).
	 */
	public Optional<Answered> feedback(String token, boolean useful, boolean changedAction, @Nullable String comment,
			Instant now) {
		return jdbc.sql("""
				WITH given AS (
				  INSERT INTO dissemination.feedback (delivery_id, useful, changed_action, comment, given_at)
				  SELECT id, :useful, :changed, :comment, :now FROM dissemination.delivery WHERE token = :token
				  ON CONFLICT (delivery_id) DO NOTHING
				  RETURNING delivery_id, given_at)
				SELECT d.id, d.alert_id, d.version, d.created_at, g.given_at
				FROM given g JOIN dissemination.delivery d ON d.id = g.delivery_id""")
			.param("useful", useful)
			.param("changed", changedAction)
			.param("comment", comment)
			.param("now", Timestamp.from(now))
			.param("token", token)
			.query((rs, n) -> new Answered(rs.getLong("id"), rs.getObject("alert_id", UUID.class), rs.getInt("version"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("given_at").toInstant(), true))
			.optional();
	}

	/** Issued alerts with their delivery counts, the latest first. */
	public List<IssuedAlert> issuedAlerts(int limit) {
		return jdbc
			.sql("""
					SELECT a.alert_id, max(a.reference) AS reference, (array_agg(a.headline ORDER BY a.version DESC))[1] AS headline,
					  (array_agg(a.level ORDER BY a.version DESC))[1] AS level, bool_or(a.exercise) AS exercise,
					  max(a.version) AS versions, max(a.issued_at) AS issued,
					  (SELECT count(*) FROM dissemination.delivery d WHERE d.alert_id = a.alert_id) AS deliveries,
					  (SELECT count(*) FROM dissemination.delivery d WHERE d.alert_id = a.alert_id AND d.state = 'SENT') AS sent
					FROM dissemination.alert_issue a GROUP BY a.alert_id ORDER BY max(a.issued_at) DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new IssuedAlert(rs.getObject("alert_id", UUID.class), rs.getString("reference"),
					rs.getString("headline"), rs.getString("level"), rs.getBoolean("exercise"), rs.getInt("versions"),
					rs.getTimestamp("issued").toInstant(), rs.getLong("deliveries"), rs.getLong("sent")))
			.list();
	}

	/** The latest version of an alert that reached dissemination. */
	public Optional<Integer> latestVersion(UUID alertId) {
		return jdbc.sql("SELECT max(version) FROM dissemination.alert_issue WHERE alert_id = ? HAVING count(*) > 0")
			.param(alertId)
			.query(Integer.class)
			.optional();
	}

	/** An alert's deliveries counted by version, channel and state. */
	public List<DeliveryLog.Count> counts(UUID alertId) {
		return jdbc.sql("""
				SELECT version, channel, state, count(*) AS n FROM dissemination.delivery WHERE alert_id = ?
				GROUP BY version, channel, state ORDER BY version, channel, state""")
			.param(alertId)
			.query((rs, n) -> new DeliveryLog.Count(rs.getInt("version"),
					DeliveryChannel.valueOf(rs.getString("channel")), DeliveryState.valueOf(rs.getString("state")),
					rs.getLong("n")))
			.list();
	}

	/**
	 * An alert's failed and dead deliveries (at most 200), recipients as stored: the
	 * caller masks them.
	 */
	public List<DeliveryLog.Failure> failures(UUID alertId) {
		return jdbc.sql("""
				SELECT id, version, channel, recipient, state, attempts, last_error, next_attempt_at
				FROM dissemination.delivery WHERE alert_id = ? AND state IN ('FAILED', 'DEAD') ORDER BY id LIMIT 200""")
			.param(alertId)
			.query((rs, n) -> new DeliveryLog.Failure(rs.getLong("id"), rs.getInt("version"),
					DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
					DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
					"FAILED".equals(rs.getString("state")) ? instant(rs, "next_attempt_at") : null))
			.list();
	}

	/**
	 * Queues an alert's failed and dead deliveries again (not those whose subscriber
	 * left); returns the issues.
	 */
	public List<DeliveryCounts.Issue> retry(UUID alertId, Instant now) {
		return jdbc
			.sql("""
					UPDATE dissemination.delivery d SET state = 'PENDING', next_attempt_at = :now, attempts = 0
					WHERE d.alert_id = :alert AND d.state IN ('FAILED', 'DEAD')
					  AND NOT EXISTS (SELECT 1 FROM dissemination.subscription s WHERE s.id = d.subscription_id AND NOT s.active)
					RETURNING d.alert_id, d.version""")
			.param("now", Timestamp.from(now))
			.param("alert", alertId)
			.query((rs, n) -> new DeliveryCounts.Issue(rs.getObject("alert_id", UUID.class), rs.getInt("version")))
			.list();
	}

	/** Totals of one alert's deliveries (all its versions). */
	public DeliveryTotals totals(UUID alertId) {
		return totals("WHERE d.alert_id = ?", alertId);
	}

	/** Totals of every delivery queued since {@code since}. */
	public DeliveryTotals totals(Instant since) {
		return totals("WHERE d.created_at >= ?", Timestamp.from(since));
	}

	private DeliveryTotals totals(String where, Object param) {
		return jdbc.sql("""
				SELECT count(*) AS deliveries,
				  count(*) FILTER (WHERE d.state = 'SENT') AS sent,
				  count(*) FILTER (WHERE d.state IN ('PENDING', 'SENDING', 'FAILED')) AS pending,
				  count(*) FILTER (WHERE d.state = 'DEAD') AS dead,
				  count(*) FILTER (WHERE d.state = 'SENT' AND d.audience = 'PROFESSIONALS') AS professional_sent,
				  count(*) FILTER (WHERE d.acknowledged_at IS NOT NULL) AS acknowledged,
				  count(f.delivery_id) AS feedback,
				  count(*) FILTER (WHERE f.useful) AS useful,
				  count(*) FILTER (WHERE f.changed_action) AS changed
				FROM dissemination.delivery d LEFT JOIN dissemination.feedback f ON f.delivery_id = d.id
				""" + where)
			.param(param)
			.query((rs, n) -> new DeliveryTotals(rs.getLong("deliveries"), rs.getLong("sent"), rs.getLong("pending"),
					rs.getLong("dead"), rs.getLong("professional_sent"), rs.getLong("acknowledged"),
					rs.getLong("feedback"), rs.getLong("useful"), rs.getLong("changed")))
			.single();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
