package org.harmwatch.earlywarning.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Repository;

/**
 * Evidence and the signals it opens or joins, as the {@link SignalEngine} files it: each
 * (kind, ref) once, work on one district and group serialised by a transaction-scoped
 * advisory lock.
 */
@Repository
public class EvidenceRepository {

	/** A signal's urgency and the rules that fired on it so far. */
	public record Rating(Urgency urgency, List<String> rules) {
	}

	/** The key under which a transaction keeps the locks it holds. */
	private static final Object LOCKS_HELD = new Object();

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises filing in one district and group until the transaction ends; a lock the
	 * transaction already holds is not asked for again (a batch of reports of one group
	 * takes it once).
	 */
	public void lock(String ladCode, String groupKey) {
		var key = ladCode + "|" + groupKey;
		if (!locksHeld().add(key)) {
			return;
		}
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l")
			.param(key)
			.query(Integer.class)
			.single();
	}

	/**
	 * The advisory locks (district code and group key joined by {@code |}) this
	 * transaction holds, forgotten when it ends; {@link EvidenceBatches} takes them too.
	 */
	@SuppressWarnings("unchecked")
	static Set<String> locksHeld() {
		var held = (Set<String>) TransactionSynchronizationManager.getResource(LOCKS_HELD);
		if (held == null) {
			Set<String> fresh = new HashSet<>();
			TransactionSynchronizationManager.bindResource(LOCKS_HELD, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LOCKS_HELD);
				}
			});
			return fresh;
		}
		return held;
	}

	/** The signal a piece of evidence was filed into, if it was. */
	public Optional<UUID> signalOf(String kind, String ref) {
		return jdbc.sql("SELECT signal_id FROM earlywarning.evidence WHERE kind = ? AND ref = ?")
			.param(kind)
			.param(ref)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The latest signal of the district and group, not dismissed, whose evidence lies
	 * within {@code window} of the time.
	 */
	public Optional<UUID> signalToJoin(String ladCode, String groupKey, Instant occurredAt, Duration window) {
		var seconds = window.toSeconds();
		return jdbc
			.sql("""
					SELECT id FROM earlywarning.signal
					WHERE lad_code = ? AND group_key = ? AND status <> 'DISMISSED'
					  AND ? BETWEEN first_evidence_at - make_interval(secs => ?) AND last_evidence_at + make_interval(secs => ?)
					ORDER BY last_evidence_at DESC LIMIT 1""")
			.param(ladCode)
			.param(groupKey)
			.param(Timestamp.from(occurredAt))
			.param(seconds)
			.param(seconds)
			.query(UUID.class)
			.optional();
	}

	/** Opens a routine signal without evidence yet. */
	public void open(UUID id, SignalEngine.Input in) {
		jdbc.sql("""
				INSERT INTO earlywarning.signal (id, group_key, substance_code, substance_class, lad_code, lad_name,
				  status, urgency, rules, opened_at, first_evidence_at, last_evidence_at, evidence_count)
				VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 'ROUTINE', '{}', ?, ?, ?, 0)""")
			.param(id)
			.param(in.groupKey())
			.param(in.substanceCode())
			.param(in.substanceClass())
			.param(in.ladCode())
			.param(in.ladName())
			.param(Timestamp.from(in.receivedAt()))
			.param(Timestamp.from(in.occurredAt()))
			.param(Timestamp.from(in.occurredAt()))
			.update();
	}

	/** Adds a piece of evidence to a signal. */
	public void add(UUID signalId, SignalEngine.Input in) {
		jdbc.sql("""
				INSERT INTO earlywarning.evidence (signal_id, kind, ref, occurred_at, received_at, lad_code, group_key,
				  substance_codes, death, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?)""")
			.param(signalId)
			.param(in.kind().name())
			.param(in.ref())
			.param(Timestamp.from(in.occurredAt()))
			.param(Timestamp.from(in.receivedAt()))
			.param(in.ladCode())
			.param(in.groupKey())
			.param(SqlArrays.textArray(in.substanceCodes()))
			.param(in.death())
			.param(in.summary())
			.update();
	}

	/** A signal's urgency and rules, locked until the transaction ends. */
	public Rating ratingForUpdate(UUID signalId) {
		return jdbc.sql("SELECT urgency, rules FROM earlywarning.signal WHERE id = ? FOR UPDATE")
			.param(signalId)
			.query((rs, n) -> new Rating(Urgency.valueOf(rs.getString(1)), SqlArrays.strings(rs.getArray(2))))
			.single();
	}

	/**
	 * Sets a signal's urgency and rules, and counts in a piece of evidence that happened
	 * at the time.
	 */
	public void rate(UUID signalId, Rating rating, Instant occurredAt) {
		jdbc.sql("""
				UPDATE earlywarning.signal SET urgency = ?, rules = ?::text[], evidence_count = evidence_count + 1,
				  first_evidence_at = LEAST(first_evidence_at, ?), last_evidence_at = GREATEST(last_evidence_at, ?)
				WHERE id = ?""")
			.param(rating.urgency().name())
			.param(SqlArrays.textArray(rating.rules()))
			.param(Timestamp.from(occurredAt))
			.param(Timestamp.from(occurredAt))
			.param(signalId)
			.update();
	}

	/**
	 * Whether other evidence in the district named the substance between two times: stops
	 * at the first one found.
	 */
	public boolean seenBefore(SignalEngine.Input in, String code, Instant since) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM earlywarning.evidence
				  WHERE lad_code = ? AND ? = ANY (substance_codes) AND occurred_at >= ? AND occurred_at < ?
				    AND NOT (kind = ? AND ref = ?))""")
			.param(in.ladCode())
			.param(code)
			.param(Timestamp.from(since))
			.param(Timestamp.from(in.occurredAt()))
			.param(in.kind().name())
			.param(in.ref())
			.query(Boolean.class)
			.single();
	}

	/**
	 * How many reports of the district and group happened after {@code since}, up to the
	 * evidence's time, counting no further than {@code enough} (the rule needs to know
	 * only whether there are that many, and a busy group would otherwise be counted in
	 * full on every report).
	 */
	public long reportsSince(SignalEngine.Input in, Instant since, int enough) {
		return jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM earlywarning.evidence
				  WHERE kind = 'REPORT' AND lad_code = ? AND group_key = ? AND occurred_at > ? AND occurred_at <= ?
				  LIMIT ?) enough""")
			.param(in.ladCode())
			.param(in.groupKey())
			.param(Timestamp.from(since))
			.param(Timestamp.from(in.occurredAt()))
			.param(enough)
			.query(Long.class)
			.single();
	}

}
