package org.harmwatch.earlywarning.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
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

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	EvidenceBatches(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** What the batch needs to know before it files its reports. */
	record Read(List<BatchSignal> joinable, List<Boolean> seen, List<Long> reports) {
	}

	private static final String SIGNAL_COLUMNS = "s.id, s.lad_code, s.group_key, s.status, s.merged_into, s.urgency, "
			+ "s.rules, s.first_evidence_at, s.last_evidence_at";

	/**
	 * Four statements sent together, in one round trip, run one after the other (each
	 * reads what the ones before it left, the locks taken): the advisory locks of
	 * {@link EvidenceRepository#lock}, in a fixed order; the signals, not dismissed, of
	 * each district and group that evidence between its span's times could join (as
	 * {@link EvidenceRepository#signalToJoin} would find them), locked until the
	 * transaction ends; per novelty probe whether stored evidence of the district named
	 * the substance in its times (as {@link EvidenceRepository#seenBefore} asks); per
	 * cluster probe how many stored reports of the district and group happened in its
	 * times, counting no further than needed (as {@link EvidenceRepository#reportsSince}
	 * counts).
	 *
	 * <p>
	 * The four are planned once per connection, not once per batch: PostgreSQL chooses a
	 * plan for a prepared statement each time it runs (a custom plan) while the one plan
	 * for any parameters (the generic plan) looks dearer to it, which for the two
	 * look-backs it always does (it estimates an array's rows it does not know yet as
	 * many, so the generic plan seems to run its probe many times), though the plan is
	 * the same: one index probe per element of the arrays. Planning them at every batch
	 * took about as long as running them (issue 11, fifth round in docs/benchmarks.md:
	 * 25-30 microseconds of the server's CPU per batch when measured alone), so
	 * {@code plan_cache_mode} is set to the generic plan for these statements only, and
	 * back to the default after them, also when the caller's transaction goes on.
	 */
	private static final String READ = """
			SET LOCAL plan_cache_mode = force_generic_plan;
			SELECT count(pg_advisory_xact_lock(hashtext(k)))
			  FROM (SELECT k FROM unnest(?::text[]) WITH ORDINALITY AS w(k, n) ORDER BY n) ordered;
			SELECT %s FROM earlywarning.signal s
			  JOIN unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS q(lad, grp, lo, hi)
			    ON s.lad_code = q.lad AND s.group_key = q.grp
			  WHERE s.status <> 'DISMISSED'
			    AND q.lo <= s.last_evidence_at + make_interval(secs => ?)
			    AND q.hi >= s.first_evidence_at - make_interval(secs => ?)
			  FOR UPDATE OF s;
			SELECT EXISTS (SELECT 1 FROM earlywarning.evidence e
			    WHERE e.lad_code = q.lad AND q.code = ANY (e.substance_codes)
			      AND e.occurred_at >= q.since AND e.occurred_at < q.until)
			  FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY
			    AS q(lad, code, since, until, n)
			  ORDER BY q.n;
			SELECT (SELECT count(*) FROM (SELECT 1 FROM earlywarning.evidence e
			    WHERE e.kind = 'REPORT' AND e.lad_code = q.lad AND e.group_key = q.grp
			      AND e.occurred_at > q.since AND e.occurred_at <= q.until
			    LIMIT ?) enough)
			  FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY
			    AS q(lad, grp, since, until, n)
			  ORDER BY q.n;
			RESET plan_cache_mode""".formatted(SIGNAL_COLUMNS);

	/**
	 * Takes the locks of the spans' districts and groups (those the transaction does not
	 * hold yet) and reads what filing needs, in one round trip (see {@link #READ}).
	 */
	Read read(List<Span> spans, Duration window, List<Probe> novelty, List<Probe> cluster, int enough) {
		var held = EvidenceRepository.locksHeld();
		var locks = spans.stream()
			.map(s -> s.ladCode() + "|" + s.groupKey())
			.filter(k -> !held.contains(k))
			.sorted()
			.toList();
		var params = new ArrayList<Object>();
		params.add(SqlArrays.array(List.copyOf(locks)));
		params.add(SqlArrays.array(spans.stream().map(Span::ladCode).toList()));
		params.add(SqlArrays.array(spans.stream().map(Span::groupKey).toList()));
		params.add(SqlArrays.array(spans.stream().map(s -> s.from().toString()).toList()));
		params.add(SqlArrays.array(spans.stream().map(s -> s.to().toString()).toList()));
		params.add(window.toSeconds());
		params.add(window.toSeconds());
		params.addAll(columns(novelty));
		params.add(enough);
		params.addAll(columns(cluster));
		var joinable = new ArrayList<BatchSignal>();
		var seen = new ArrayList<Boolean>();
		var reports = new ArrayList<Long>();
		template.execute((Connection con) -> con.prepareStatement(READ), (PreparedStatement ps) -> {
			for (int i = 0; i < params.size(); i++) {
				ps.setObject(i + 1, params.get(i));
			}
			// The SET first: it gives no rows; then the four queries; the RESET last.
			ps.execute();
			boolean results = ps.getMoreResults();
			for (int statement = 0; statement < 4; statement++) {
				if (!results) {
					throw new IllegalStateException("statement " + statement + " of the batch's read gave no rows");
				}
				try (var rs = ps.getResultSet()) {
					while (rs.next()) {
						switch (statement) {
							case 1 -> joinable.add(signal(rs));
							case 2 -> seen.add(rs.getBoolean(1));
							case 3 -> reports.add(rs.getLong(1));
							default -> {
							}
						}
					}
				}
				results = ps.getMoreResults();
			}
			return null;
		});
		held.addAll(locks);
		if (seen.size() != novelty.size() || reports.size() != cluster.size()) {
			throw new IllegalStateException("the batch's read gave " + seen.size() + " and " + reports.size()
					+ " answers for " + novelty.size() + " and " + cluster.size() + " probes");
		}
		return new Read(joinable, seen, reports);
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

	private static List<Object> columns(List<Probe> probes) {
		return List.of(SqlArrays.array(probes.stream().map(Probe::ladCode).toList()),
				SqlArrays.array(probes.stream().map(Probe::value).toList()),
				SqlArrays.array(probes.stream().map(p -> p.since().toString()).toList()),
				SqlArrays.array(probes.stream().map(p -> p.until().toString()).toList()));
	}

	/** A piece of evidence and the signal it went into. */
	record Placed(UUID signalId, SignalEngine.Input in) {
	}

	/**
	 * Five statements sent together, in one round trip: the reports, their substances,
	 * the signals the batch opened (as they stand after it), the evidence, and the
	 * signals stored before that it joined (their urgency and rules set, their evidence
	 * counted in). Each inserts or updates all its rows at once, from arrays.
	 */
	private static final String WRITE = ReportRepository.INSERT_ALL
			+ """
					;
					INSERT INTO earlywarning.signal (id, group_key, substance_code, substance_class, lad_code, lad_name,
					  status, urgency, rules, opened_at, first_evidence_at, last_evidence_at, evidence_count)
					SELECT id, grp, code, class, lad, lad_name, 'OPEN', urgency, rules::text[], opened, first, last, added
					FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
					  ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::int[])
					  AS q(id, grp, code, class, lad, lad_name, urgency, rules, opened, first, last, added);
					INSERT INTO earlywarning.evidence (signal_id, kind, ref, occurred_at, received_at, lad_code, group_key,
					  substance_codes, death, summary)
					SELECT signal, kind, ref, occurred, received, lad, grp, codes::text[], death, summary
					FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[],
					  ?::text[], ?::boolean[], ?::text[])
					  WITH ORDINALITY AS q(signal, kind, ref, occurred, received, lad, grp, codes, death, summary, n)
					ORDER BY n;
					UPDATE earlywarning.signal s SET urgency = q.urgency, rules = q.rules::text[],
					  evidence_count = s.evidence_count + q.added,
					  first_evidence_at = LEAST(s.first_evidence_at, q.first), last_evidence_at = GREATEST(s.last_evidence_at, q.last)
					FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[])
					  AS q(id, urgency, rules, added, first, last)
					WHERE s.id = q.id""";

	/**
	 * Stores the reports, the signals the batch opened, its evidence and the changes to
	 * the signals it joined, in one round trip (see {@link #WRITE}).
	 */
	void write(List<ReportRepository.NewReport> reports, List<BatchSignal> opened, List<Placed> placed,
			List<BatchSignal> joined) {
		var params = new ArrayList<Object>(ReportRepository.insertAllParameters(reports));
		params.add(array(opened, s -> s.id));
		params.add(array(opened, s -> s.groupKey));
		params.add(array(opened, s -> s.opener.substanceCode()));
		params.add(array(opened, s -> s.opener.substanceClass()));
		params.add(array(opened, s -> s.ladCode));
		params.add(array(opened, s -> s.opener.ladName()));
		params.add(array(opened, s -> s.urgency));
		params.add(array(opened, s -> SqlArrays.textArray(List.copyOf(s.rules))));
		params.add(array(opened, s -> s.opener.receivedAt()));
		params.add(array(opened, s -> s.first));
		params.add(array(opened, s -> s.last));
		params.add(array(opened, s -> s.added));
		params.add(array(placed, Placed::signalId));
		params.add(array(placed, p -> p.in().kind()));
		params.add(array(placed, p -> p.in().ref()));
		params.add(array(placed, p -> p.in().occurredAt()));
		params.add(array(placed, p -> p.in().receivedAt()));
		params.add(array(placed, p -> p.in().ladCode()));
		params.add(array(placed, p -> p.in().groupKey()));
		params.add(array(placed, p -> SqlArrays.textArray(p.in().substanceCodes())));
		params.add(array(placed, p -> p.in().death()));
		params.add(array(placed, p -> p.in().summary()));
		params.add(array(joined, s -> s.id));
		params.add(array(joined, s -> s.urgency));
		params.add(array(joined, s -> SqlArrays.textArray(List.copyOf(s.rules))));
		params.add(array(joined, s -> s.added));
		params.add(array(joined, s -> s.first));
		params.add(array(joined, s -> s.last));
		template.execute((Connection con) -> con.prepareStatement(WRITE), (PreparedStatement ps) -> {
			for (int i = 0; i < params.size(); i++) {
				ps.setString(i + 1, (String) params.get(i));
			}
			ps.execute();
			return null;
		});
	}

	/**
	 * A column of a multi-row insert as an array literal: each value's text form
	 * ({@code toString}, which for times is ISO 8601 and for enumerations their name),
	 * {@code null} as NULL.
	 */
	static <T> String array(List<T> rows, Function<T, @Nullable Object> column) {
		var values = new ArrayList<@Nullable String>(rows.size());
		for (var row : rows) {
			var value = column.apply(row);
			values.add(value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
		}
		return SqlArrays.array(values);
	}

}
