package org.harmwatch.earlywarning.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements with which {@link SignalBatch} files the reports of a group-commit
 * batch: each reads or writes for all of the batch's reports in one round trip.
 */
@Repository
class EvidenceBatches {

	/** A signal as the batch works on it: read once, changed in memory, written once. */
	static final class BatchSignal {

		final UUID id;

		final String ladCode;

		final String groupKey;

		final String status;

		final @Nullable UUID mergedInto;

		Urgency urgency;

		LinkedHashSet<String> rules;

		Instant first;

		Instant last;

		/** Evidence this batch added to it. */
		int added;

		/**
		 * The evidence that opened it in this batch, or {@code null} for one stored
		 * before.
		 */
		final SignalEngine.@Nullable Input opener;

		BatchSignal(UUID id, String ladCode, String groupKey, String status, @Nullable UUID mergedInto, Urgency urgency,
				List<String> rules, Instant first, Instant last, SignalEngine.@Nullable Input opener) {
			this.id = id;
			this.ladCode = ladCode;
			this.groupKey = groupKey;
			this.status = status;
			this.mergedInto = mergedInto;
			this.urgency = urgency;
			this.rules = new LinkedHashSet<>(rules);
			this.first = first;
			this.last = last;
			this.opener = opener;
		}

	}

	/**
	 * A district and group with the earliest and latest time of the batch's evidence in
	 * it.
	 */
	record Span(String ladCode, String groupKey, Instant from, Instant to) {
	}

	/**
	 * A question about the evidence stored before the batch, for one piece of its
	 * evidence.
	 */
	record Probe(String ladCode, String value, Instant since, Instant until) {
	}

	private static final String SIGNAL_COLUMNS = "s.id, s.lad_code, s.group_key, s.status, s.merged_into, s.urgency, "
			+ "s.rules, s.first_evidence_at, s.last_evidence_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	EvidenceBatches(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The signals, not dismissed, of each district and group that evidence between its
	 * span's times could join (as {@link EvidenceRepository#signalToJoin} would find
	 * them), locked until the transaction ends.
	 */
	List<BatchSignal> joinable(List<Span> spans, Duration window) {
		var seconds = window.toSeconds();
		return jdbc.sql("SELECT " + SIGNAL_COLUMNS + """
				 FROM earlywarning.signal s
				JOIN unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS q(lad, grp, lo, hi)
				  ON s.lad_code = q.lad AND s.group_key = q.grp
				WHERE s.status <> 'DISMISSED'
				  AND q.lo <= s.last_evidence_at + make_interval(secs => ?)
				  AND q.hi >= s.first_evidence_at - make_interval(secs => ?)
				FOR UPDATE OF s""")
			.param(SqlArrays.array(spans.stream().map(Span::ladCode).toList()))
			.param(SqlArrays.array(spans.stream().map(Span::groupKey).toList()))
			.param(SqlArrays.array(spans.stream().map(s -> s.from().toString()).toList()))
			.param(SqlArrays.array(spans.stream().map(s -> s.to().toString()).toList()))
			.param(seconds)
			.param(seconds)
			.query((rs, n) -> signal(rs))
			.list();
	}

	/** A signal by its id, locked until the transaction ends. */
	Optional<BatchSignal> signal(UUID id) {
		return jdbc.sql("SELECT " + SIGNAL_COLUMNS + " FROM earlywarning.signal s WHERE s.id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> signal(rs))
			.optional();
	}

	private static BatchSignal signal(ResultSet rs) throws SQLException {
		return new BatchSignal(rs.getObject("id", UUID.class), rs.getString("lad_code"), rs.getString("group_key"),
				rs.getString("status"), rs.getObject("merged_into", UUID.class),
				Urgency.valueOf(rs.getString("urgency")), SqlArrays.strings(rs.getArray("rules")),
				rs.getObject("first_evidence_at", OffsetDateTime.class).toInstant(),
				rs.getObject("last_evidence_at", OffsetDateTime.class).toInstant(), null);
	}

	/**
	 * For each probe (district, substance code, times), whether stored evidence in the
	 * district named the substance at or after {@code since} and before {@code until} (as
	 * {@link EvidenceRepository#seenBefore} asks it).
	 */
	List<Boolean> seen(List<Probe> probes) {
		if (probes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM earlywarning.evidence e
				  WHERE e.lad_code = q.lad AND q.code = ANY (e.substance_codes)
				    AND e.occurred_at >= q.since AND e.occurred_at < q.until)
				FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY
				  AS q(lad, code, since, until, n)
				ORDER BY q.n""").params(columns(probes)).query(Boolean.class).list();
	}

	/**
	 * For each probe (district, group key, times), how many stored reports of the
	 * district and group happened after {@code since} and up to {@code until}, counting
	 * no further than {@code enough} (as {@link EvidenceRepository#reportsSince} counts
	 * them).
	 */
	List<Long> reports(List<Probe> probes, int enough) {
		if (probes.isEmpty()) {
			return List.of();
		}
		var params = new ArrayList<Object>();
		params.add(enough);
		params.addAll(columns(probes));
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM (SELECT 1 FROM earlywarning.evidence e
				  WHERE e.kind = 'REPORT' AND e.lad_code = q.lad AND e.group_key = q.grp
				    AND e.occurred_at > q.since AND e.occurred_at <= q.until
				  LIMIT ?) enough)
				FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY
				  AS q(lad, grp, since, until, n)
				ORDER BY q.n""").params(params).query(Long.class).list();
	}

	private static List<Object> columns(List<Probe> probes) {
		return List.of(SqlArrays.array(probes.stream().map(Probe::ladCode).toList()),
				SqlArrays.array(probes.stream().map(Probe::value).toList()),
				SqlArrays.array(probes.stream().map(p -> p.since().toString()).toList()),
				SqlArrays.array(probes.stream().map(p -> p.until().toString()).toList()));
	}

	/** Stores signals opened by the batch, as they stand after it. */
	void open(List<BatchSignal> opened) {
		if (opened.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				INSERT INTO earlywarning.signal (id, group_key, substance_code, substance_class, lad_code, lad_name,
				  status, urgency, rules, opened_at, first_evidence_at, last_evidence_at, evidence_count)
				VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?::text[], ?, ?, ?, ?)""", new Setter<>(opened) {
			@Override
			void set(PreparedStatement ps, BatchSignal s) throws SQLException {
				var in = s.opener;
				ps.setObject(1, s.id);
				ps.setString(2, s.groupKey);
				text(ps, 3, in.substanceCode());
				text(ps, 4, in.substanceClass());
				ps.setString(5, s.ladCode);
				ps.setString(6, in.ladName());
				ps.setString(7, s.urgency.name());
				ps.setString(8, SqlArrays.textArray(List.copyOf(s.rules)));
				ps.setTimestamp(9, Timestamp.from(in.receivedAt()));
				ps.setTimestamp(10, Timestamp.from(s.first));
				ps.setTimestamp(11, Timestamp.from(s.last));
				ps.setInt(12, s.added);
			}
		});
	}

	/**
	 * Sets the urgency and rules of signals stored before the batch and counts in the
	 * evidence it added to them.
	 */
	void rate(List<BatchSignal> joined) {
		if (joined.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				UPDATE earlywarning.signal SET urgency = ?, rules = ?::text[], evidence_count = evidence_count + ?,
				  first_evidence_at = LEAST(first_evidence_at, ?), last_evidence_at = GREATEST(last_evidence_at, ?)
				WHERE id = ?""", new Setter<>(joined) {
			@Override
			void set(PreparedStatement ps, BatchSignal s) throws SQLException {
				ps.setString(1, s.urgency.name());
				ps.setString(2, SqlArrays.textArray(List.copyOf(s.rules)));
				ps.setInt(3, s.added);
				ps.setTimestamp(4, Timestamp.from(s.first));
				ps.setTimestamp(5, Timestamp.from(s.last));
				ps.setObject(6, s.id);
			}
		});
	}

	/** A piece of evidence and the signal it went into. */
	record Placed(UUID signalId, SignalEngine.Input in) {
	}

	/** Adds the batch's evidence to its signals. */
	void add(List<Placed> placed) {
		template.batchUpdate("""
				INSERT INTO earlywarning.evidence (signal_id, kind, ref, occurred_at, received_at, lad_code, group_key,
				  substance_codes, death, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?)""", new Setter<>(placed) {
			@Override
			void set(PreparedStatement ps, Placed p) throws SQLException {
				var in = p.in();
				ps.setObject(1, p.signalId());
				ps.setString(2, in.kind().name());
				ps.setString(3, in.ref());
				ps.setTimestamp(4, Timestamp.from(in.occurredAt()));
				ps.setTimestamp(5, Timestamp.from(in.receivedAt()));
				ps.setString(6, in.ladCode());
				ps.setString(7, in.groupKey());
				ps.setString(8, SqlArrays.textArray(in.substanceCodes()));
				ps.setBoolean(9, in.death());
				ps.setString(10, in.summary());
			}
		});
	}

	static void text(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}

	/** Sets the parameters of one row of a JDBC batch per item. */
	abstract static class Setter<T> implements BatchPreparedStatementSetter {

		private final List<T> items;

		Setter(List<T> items) {
			this.items = items;
		}

		abstract void set(PreparedStatement ps, T item) throws SQLException;

		@Override
		public void setValues(PreparedStatement ps, int i) throws SQLException {
			set(ps, this.items.get(i));
		}

		@Override
		public int getBatchSize() {
			return this.items.size();
		}

	}

}
