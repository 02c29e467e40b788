package org.harmwatch.earlywarning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.CaseStatus;
import org.harmwatch.earlywarning.SignalCase;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signal cases and their notes. A signal without a row is a suspected case that nobody
 * owns.
 */
@Repository
public class SignalCaseRepository {

	/**
	 * The signals confirmed by a laboratory after their latest alert was issued: their
	 * alert is to be updated. A subquery of signal ids.
	 */
	public static final String ALERT_TO_UPDATE = """
			SELECT c.signal_id FROM earlywarning.signal_case c
			WHERE c.confirmed_at > (SELECT max(m.issued_at) FROM earlywarning.alert a
			  JOIN earlywarning.alert_message m ON m.alert_id = a.id
			  WHERE a.signal_id = c.signal_id AND a.state = 'ISSUED' AND m.issued_at IS NOT NULL)""";

	private final JdbcClient jdbc;

	SignalCaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case of a signal, with its notes. */
	public SignalCase find(UUID signalId) {
		var notes = jdbc.sql("""
				SELECT author, written_at, body FROM earlywarning.signal_note
				WHERE signal_id = ? ORDER BY written_at, id""")
			.param(signalId)
			.query((rs, n) -> new SignalCase.Note(rs.getString("author"), rs.getTimestamp("written_at").toInstant(),
					rs.getString("body")))
			.list();
		var lastIssue = lastAlertIssue(signalId);
		return jdbc.sql("""
				SELECT case_status, owner, awaiting_laboratory_since, confirmed_at, confirmed_by
				FROM earlywarning.signal_case WHERE signal_id = ?""").param(signalId).query((rs, n) -> {
			var confirmedAt = instant(rs.getTimestamp("confirmed_at"));
			return new SignalCase(signalId, CaseStatus.valueOf(rs.getString("case_status")), rs.getString("owner"),
					instant(rs.getTimestamp("awaiting_laboratory_since")), confirmedAt, rs.getString("confirmed_by"),
					confirmedAt != null && lastIssue.isPresent() && confirmedAt.isAfter(lastIssue.get()), notes);
		})
			.optional()
			.orElseGet(() -> new SignalCase(signalId, CaseStatus.SUSPECTED, null, null, null, null, false, notes));
	}

	/** When an alert from this signal was last issued (a first issue or an update). */
	private Optional<Instant> lastAlertIssue(UUID signalId) {
		return jdbc.sql("""
				SELECT max(m.issued_at) FROM earlywarning.alert a
				JOIN earlywarning.alert_message m ON m.alert_id = a.id
				WHERE a.signal_id = ? AND a.state = 'ISSUED' AND m.issued_at IS NOT NULL""")
			.param(signalId)
			.query((rs, n) -> instant(rs.getTimestamp(1)))
			.optional()
			.flatMap(Optional::ofNullable);
	}

	/** Writes a case's status, owner and laboratory wait. */
	public void save(UUID signalId, CaseStatus status, @Nullable String owner, @Nullable Instant awaitingSince,
			@Nullable Instant confirmedAt, @Nullable String confirmedBy, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO earlywarning.signal_case (signal_id, case_status, owner, awaiting_laboratory_since,
				  confirmed_at, confirmed_by, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (signal_id) DO UPDATE SET case_status = EXCLUDED.case_status, owner = EXCLUDED.owner,
				  awaiting_laboratory_since = EXCLUDED.awaiting_laboratory_since, confirmed_at = EXCLUDED.confirmed_at,
				  confirmed_by = EXCLUDED.confirmed_by, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.params(signalId, status.name(), owner, timestamp(awaitingSince), timestamp(confirmedAt), confirmedBy,
					Timestamp.from(at), by)
			.update();
	}

	/** Locks the signal's case row (if any) until the transaction ends. */
	public void lock(UUID signalId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('earlywarning.case:' || ?))")
			.param(signalId.toString())
			.query()
			.singleValue();
	}

	/** Adds a note. */
	public void note(UUID signalId, String author, Instant at, String body) {
		jdbc.sql("INSERT INTO earlywarning.signal_note (signal_id, author, written_at, body) VALUES (?, ?, ?, ?)")
			.params(signalId, author, Timestamp.from(at), body)
			.update();
	}

	private static @Nullable Instant instant(@Nullable Timestamp value) {
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant value) {
		return value == null ? null : Timestamp.from(value);
	}

}
