package org.harmwatch.earlywarning.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of early-warning work waiting, for the home page's work queue.
 *
 * <p>
 * Each count reads an index: signals by {@code signal_list (status, urgency, …)}, grades
 * by the primary key of {@code panel_grade (signal_id, username)}, messages waiting for
 * approval by the partial unique index {@code alert_message_pending … WHERE NOT issued}
 * and approvals by their primary key.
 */
@Repository
@Transactional(readOnly = true)
public class EarlyWarningWorkRepository {

	private final JdbcClient jdbc;

	EarlyWarningWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open signals whose rules made them urgent, not yet validated or dismissed. */
	public long urgentOpenSignals() {
		return jdbc.sql(
				"SELECT count(*) FROM earlywarning.signal WHERE status = 'OPEN' AND urgency = 'URGENT' AND merged_into IS NULL")
			.query(Long.class)
			.single();
	}

	/**
	 * Signals confirmed by a laboratory after their latest alert was issued, whose alert
	 * is to be updated.
	 */
	public long alertsToUpdate() {
		return jdbc.sql("SELECT count(*) FROM (" + SignalCaseRepository.ALERT_TO_UPDATE + ") t")
			.query(Long.class)
			.single();
	}

	/**
	 * Validated signals with the panel: grading is open until the coordinator records the
	 * outcome.
	 */
	public long signalsWithThePanel() {
		return jdbc.sql(
				"SELECT count(*) FROM earlywarning.signal WHERE status = 'VALIDATED' AND decided_at IS NOT NULL AND merged_into IS NULL")
			.query(Long.class)
			.single();
	}

	/** Signals open for grading that this panel member has not graded yet. */
	public long gradesDue(String username) {
		return jdbc
			.sql("""
					SELECT count(*) FROM earlywarning.signal s
					WHERE s.status = 'VALIDATED' AND s.decided_at IS NOT NULL AND s.merged_into IS NULL
					  AND NOT EXISTS (SELECT 1 FROM earlywarning.panel_grade g WHERE g.signal_id = s.id AND g.username = ?)""")
			.param(username)
			.query(Long.class)
			.single();
	}

	/**
	 * Alert messages waiting for a sign-off this person may give: drafted by someone
	 * else, not yet signed by them, and (but for a cancellation) not expired, as
	 * {@code AlertManagement#approve} decides.
	 */
	public long approvalsAwaiting(String username, Instant now) {
		return jdbc
			.sql("""
					SELECT count(*) FROM earlywarning.alert_message m
					WHERE NOT m.issued AND m.drafted_by <> :user
					  AND (m.message_type = 'CANCEL' OR m.expires_at > :now)
					  AND NOT EXISTS (SELECT 1 FROM earlywarning.alert_approval a WHERE a.message_id = m.id AND a.approver = :user)""")
			.param("user", username)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

}
