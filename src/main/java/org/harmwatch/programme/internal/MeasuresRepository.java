package org.harmwatch.programme.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.programme.EarlyWarningMeasures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme's measures tables: written by {@link MeasuresProjection} from events,
 * each write idempotent and independent of the order the events arrive in; read by
 * {@code MeasuresManagement}.
 */
@Repository
public class MeasuresRepository {

	/** Median and longest hours from first evidence to alert, or null with no alert. */
	public record HoursToAlert(@Nullable Double median, @Nullable Double slowest) {
	}

	/**
	 * Orders urgencies and statuses in SQL: a signal's urgency only rises, and its status
	 * only moves on.
	 */
	private static final String URGENCY_RANK = "array_position(ARRAY['ROUTINE', 'HIGH', 'URGENT'], %s)";

	private static final String STATUS_RANK = "array_position(ARRAY['OPEN', 'VALIDATED', 'DISMISSED', 'GRADED'], %s)";

	private final JdbcClient jdbc;

	MeasuresRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void signalOpened(UUID signal, Urgency urgency, Instant openedAt) {
		jdbc.sql("""
				INSERT INTO programme.signal (signal_id, opened_at, urgency, status) VALUES (?, ?, ?, 'OPEN')
				ON CONFLICT (signal_id) DO UPDATE SET opened_at = EXCLUDED.opened_at,
				  urgency = CASE WHEN %s > %s THEN EXCLUDED.urgency ELSE programme.signal.urgency END"""
			.formatted(URGENCY_RANK.formatted("EXCLUDED.urgency"), URGENCY_RANK.formatted("programme.signal.urgency")))
			.param(signal)
			.param(Timestamp.from(openedAt))
			.param(urgency.name())
			.update();
	}

	void signalEscalated(UUID signal, Urgency urgency) {
		jdbc.sql("""
				INSERT INTO programme.signal (signal_id, urgency, status) VALUES (?, ?, 'OPEN')
				ON CONFLICT (signal_id) DO UPDATE SET
				  urgency = CASE WHEN %s > %s THEN EXCLUDED.urgency ELSE programme.signal.urgency END"""
			.formatted(URGENCY_RANK.formatted("EXCLUDED.urgency"), URGENCY_RANK.formatted("programme.signal.urgency")))
			.param(signal)
			.param(urgency.name())
			.update();
	}

	/**
	 * A duplicate merged into another signal: it leaves the backlog and the count of
	 * signals opened (its survivor stays).
	 */
	void signalMerged(UUID signal) {
		jdbc.sql("""
				INSERT INTO programme.signal (signal_id, urgency, status, merged) VALUES (?, 'ROUTINE', 'OPEN', TRUE)
				ON CONFLICT (signal_id) DO UPDATE SET merged = TRUE""").param(signal).update();
	}

	void signalMovedOn(UUID signal, SignalStatus status) {
		jdbc.sql("""
				INSERT INTO programme.signal (signal_id, urgency, status) VALUES (?, 'ROUTINE', ?)
				ON CONFLICT (signal_id) DO UPDATE SET
				  status = CASE WHEN %s > %s THEN EXCLUDED.status ELSE programme.signal.status END"""
			.formatted(STATUS_RANK.formatted("EXCLUDED.status"), STATUS_RANK.formatted("programme.signal.status")))
			.param(signal)
			.param(status.name())
			.update();
	}

	void alertFirstIssued(UUID alert, AlertLevel level, boolean exercise, Instant issuedAt,
			@Nullable Instant firstEvidenceAt) {
		jdbc.sql("""
				INSERT INTO programme.alert_first_issue (alert_id, level, exercise, issued_at, first_evidence_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING""")
			.param(alert)
			.param(level.name())
			.param(exercise)
			.param(Timestamp.from(issuedAt))
			.param(firstEvidenceAt == null ? null : Timestamp.from(firstEvidenceAt))
			.update();
	}

	void deliveriesCounted(UUID alert, int version, Instant queuedAt, long deliveries, long sent, long dead,
			long professionalSent, Instant countedAt) {
		jdbc.sql("""
				INSERT INTO programme.alert_delivery (alert_id, version, queued_at, deliveries, sent, dead,
				  professional_sent, counted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (alert_id, version) DO UPDATE SET queued_at = EXCLUDED.queued_at,
				  deliveries = EXCLUDED.deliveries, sent = EXCLUDED.sent, dead = EXCLUDED.dead,
				  professional_sent = EXCLUDED.professional_sent, counted_at = EXCLUDED.counted_at
				WHERE programme.alert_delivery.counted_at < EXCLUDED.counted_at""")
			.param(alert)
			.param(version)
			.param(Timestamp.from(queuedAt))
			.param(deliveries)
			.param(sent)
			.param(dead)
			.param(professionalSent)
			.param(Timestamp.from(countedAt))
			.update();
	}

	void acknowledged(long delivery, Instant queuedAt) {
		jdbc.sql("""
				INSERT INTO programme.delivery_response (delivery_id, queued_at, acknowledged) VALUES (?, ?, TRUE)
				ON CONFLICT (delivery_id) DO UPDATE SET acknowledged = TRUE""")
			.param(delivery)
			.param(Timestamp.from(queuedAt))
			.update();
	}

	void feedback(long delivery, Instant queuedAt, boolean useful, boolean changedPractice) {
		jdbc.sql("""
				INSERT INTO programme.delivery_response (delivery_id, queued_at, feedback, useful, changed_practice)
				VALUES (?, ?, TRUE, ?, ?)
				ON CONFLICT (delivery_id) DO UPDATE SET feedback = TRUE, useful = EXCLUDED.useful,
				  changed_practice = EXCLUDED.changed_practice
				WHERE NOT programme.delivery_response.feedback""")
			.param(delivery)
			.param(Timestamp.from(queuedAt))
			.param(useful)
			.param(changedPractice)
			.update();
	}

	/**
	 * Signals waiting for a decision or a grade, opened after {@code after} and no later
	 * than {@code until}.
	 */
	public Map<Urgency, Long> openSignals(Instant until, Instant after) {
		var counts = new EnumMap<Urgency, Long>(Urgency.class);
		for (var urgency : Urgency.values()) {
			counts.put(urgency, 0L);
		}
		jdbc.sql("""
				SELECT urgency, count(*) AS n FROM programme.signal WHERE status IN ('OPEN', 'VALIDATED')
				  AND NOT merged AND opened_at <= ? AND opened_at > ? GROUP BY urgency""")
			.param(Timestamp.from(until))
			.param(Timestamp.from(after))
			.query(rs -> {
				counts.put(Urgency.valueOf(rs.getString("urgency")), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Signals opened after {@code since} and no later than {@code now}, duplicates merged
	 * into another left out.
	 */
	public long signalsOpened(Instant since, Instant now) {
		return jdbc.sql("SELECT count(*) FROM programme.signal WHERE NOT merged AND opened_at > ? AND opened_at <= ?")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Alerts (not exercises) first issued in the period, by level. */
	public Map<AlertLevel, Long> firstIssuesByLevel(Instant since, Instant now) {
		var counts = new EnumMap<AlertLevel, Long>(AlertLevel.class);
		for (var level : AlertLevel.values()) {
			counts.put(level, 0L);
		}
		jdbc.sql("""
				SELECT level, count(*) AS n FROM programme.alert_first_issue
				WHERE NOT exercise AND issued_at > ? AND issued_at <= ? GROUP BY level""")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query(rs -> {
				counts.put(AlertLevel.valueOf(rs.getString("level")), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * The median and longest time from first evidence to first issue of the period's
	 * alerts (not exercises).
	 */
	public HoursToAlert hoursToAlert(Instant since, Instant now) {
		return jdbc.sql("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median, max(hours) AS slowest FROM (
				  SELECT extract(epoch FROM issued_at - first_evidence_at) / 3600.0 AS hours
				  FROM programme.alert_first_issue
				  WHERE NOT exercise AND first_evidence_at IS NOT NULL AND issued_at > ? AND issued_at <= ?) t""")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query((rs, n) -> new HoursToAlert(number(rs.getObject("median")), number(rs.getObject("slowest"))))
			.single();
	}

	/** Deliveries queued since {@code since}, and what their recipients said. */
	public EarlyWarningMeasures.Delivery delivery(Instant since) {
		var from = Timestamp.from(since);
		return jdbc
			.sql("""
					SELECT d.deliveries, d.sent, d.dead, d.professional_sent, r.acknowledged, r.feedback, r.useful, r.changed
					FROM (SELECT COALESCE(sum(deliveries), 0) AS deliveries, COALESCE(sum(sent), 0) AS sent,
					        COALESCE(sum(dead), 0) AS dead, COALESCE(sum(professional_sent), 0) AS professional_sent
					      FROM programme.alert_delivery WHERE queued_at >= ?) d,
					     (SELECT count(*) FILTER (WHERE acknowledged) AS acknowledged, count(*) FILTER (WHERE feedback) AS feedback,
					        count(*) FILTER (WHERE feedback AND useful) AS useful,
					        count(*) FILTER (WHERE feedback AND changed_practice) AS changed
					      FROM programme.delivery_response WHERE queued_at >= ?) r""")
			.param(from)
			.param(from)
			.query((rs, n) -> new EarlyWarningMeasures.Delivery(rs.getLong("deliveries"), rs.getLong("sent"),
					rs.getLong("dead"), rs.getLong("professional_sent"), rs.getLong("acknowledged"),
					rs.getLong("feedback"), rs.getLong("useful"), rs.getLong("changed")))
			.single();
	}

	private static @Nullable Double number(@Nullable Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

}
