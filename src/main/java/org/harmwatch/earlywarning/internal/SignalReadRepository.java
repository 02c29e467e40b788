package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.Corroboration;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signals and their evidence as pages show them, read with SQL; the signal's substance is
 * named through substances' API. Decisions are written through {@link SignalRepository},
 * evidence by the {@link SignalEngine}.
 */
@Repository
public class SignalReadRepository {

	private static final String FILTER = " WHERE merged_into IS NULL AND (CAST(? AS text) IS NULL OR status = ?)"
			+ " AND (CAST(? AS text) IS NULL OR urgency = ?) AND (NOT ? OR id IN ("
			+ SignalCaseRepository.ALERT_TO_UPDATE + "))";

	private final JdbcClient jdbc;

	private final SubstanceManagement substances;

	SignalReadRepository(JdbcClient jdbc, SubstanceManagement substances) {
		this.jdbc = jdbc;
		this.substances = substances;
	}

	/**
	 * How many signals (not merged into another) have this status and urgency (either
	 * {@code null}: any), and, when asked, a laboratory confirmation their alert has not
	 * been updated for.
	 */
	public long count(@Nullable SignalStatus status, @Nullable Urgency urgency, boolean alertToUpdate) {
		var s = status == null ? null : status.name();
		var u = urgency == null ? null : urgency.name();
		return jdbc.sql("SELECT count(*) FROM earlywarning.signal" + FILTER)
			.param(s)
			.param(s)
			.param(u)
			.param(u)
			.param(alertToUpdate)
			.query(Long.class)
			.single();
	}

	/** Signals as {@link #count} counts them, most urgent and newest first. */
	public List<SignalView> page(@Nullable SignalStatus status, @Nullable Urgency urgency, boolean alertToUpdate,
			int limit, int offset) {
		var s = status == null ? null : status.name();
		var u = urgency == null ? null : urgency.name();
		return jdbc
			.sql("SELECT * FROM earlywarning.signal" + FILTER
					+ " ORDER BY CASE urgency WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, opened_at DESC, id"
					+ " LIMIT ? OFFSET ?")
			.param(s)
			.param(s)
			.param(u)
			.param(u)
			.param(alertToUpdate)
			.param(limit)
			.param(offset)
			.query((rs, n) -> signal(rs))
			.list();
	}

	/** One signal. */
	public Optional<SignalView> find(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.signal WHERE id = ?")
			.param(id)
			.query((rs, n) -> signal(rs))
			.optional();
	}

	/** Validated signals whose grading is open, earliest validated first. */
	public List<SignalView> validated() {
		return jdbc
			.sql("SELECT * FROM earlywarning.signal WHERE status = 'VALIDATED' AND decided_at IS NOT NULL "
					+ "AND merged_into IS NULL " + "ORDER BY decided_at")
			.query((rs, n) -> signal(rs))
			.list();
	}

	/** Who recorded the panel's outcome on a signal, once recorded. */
	public Optional<String> gradedBy(UUID signalId) {
		return jdbc.sql("SELECT graded_by FROM earlywarning.signal WHERE id = ? AND graded_by IS NOT NULL")
			.param(signalId)
			.query(String.class)
			.optional();
	}

	/** A signal's evidence, in the order it happened. */
	public List<SignalView.Evidence> evidence(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.evidence WHERE signal_id = ? ORDER BY occurred_at, id")
			.param(signalId)
			.query((rs, n) -> new SignalView.Evidence(EvidenceKind.valueOf(rs.getString("kind")), rs.getString("ref"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
					rs.getString("lad_code"), SqlArrays.strings(rs.getArray("substance_codes")), rs.getBoolean("death"),
					rs.getString("summary")))
			.list();
	}

	/**
	 * The evidence that moved out of a signal when it was merged into another, in the
	 * order it happened.
	 */
	public List<SignalView.Evidence> evidenceMovedFrom(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.evidence WHERE moved_from = ? ORDER BY occurred_at, id")
			.param(signalId)
			.query((rs, n) -> evidence(rs))
			.list();
	}

	private static SignalView.Evidence evidence(ResultSet rs) throws SQLException {
		return new SignalView.Evidence(EvidenceKind.valueOf(rs.getString("kind")), rs.getString("ref"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
				rs.getString("lad_code"), SqlArrays.strings(rs.getArray("substance_codes")), rs.getBoolean("death"),
				rs.getString("summary"));
	}

	/** The signal a report or event was filed into, if it was. */
	public Optional<UUID> signalOf(EvidenceKind kind, String ref) {
		return jdbc.sql("SELECT signal_id FROM earlywarning.evidence WHERE kind = ? AND ref = ?")
			.param(kind.name())
			.param(ref)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Reports in these districts between two times that bear on a signal: naming its
	 * substance or one of its class or a class below it (for a signal with neither, any
	 * report), not filed into the signal itself; newest first, at most 50.
	 */
	public List<Corroboration.Report> corroboratingReports(SignalView signal, List<String> districts, Instant since,
			Instant until) {
		return jdbc
			.sql("""
					SELECT r.id, r.occurred_at, r.lad_code, r.lad_name, r.source_type, r.outcomes, r.people,
					  (SELECT e.signal_id FROM earlywarning.evidence e WHERE e.kind = 'REPORT' AND e.ref = r.id::text) AS signal_id,
					  ARRAY(SELECT coalesce(s.substance_name, s.text) FROM earlywarning.report_substance s
					        WHERE s.report_id = r.id ORDER BY s.position) AS substances
					FROM earlywarning.report r
					WHERE r.lad_code = ANY (?::text[]) AND r.occurred_at BETWEEN ? AND ?
					  AND NOT EXISTS (SELECT 1 FROM earlywarning.evidence e
					                  WHERE e.kind = 'REPORT' AND e.ref = r.id::text AND e.signal_id = ?)
					  AND (CAST(? AS text) IS NULL AND CAST(? AS text) IS NULL
					       OR EXISTS (SELECT 1 FROM earlywarning.report_substance s WHERE s.report_id = r.id
					                  AND (s.substance_code = ? OR s.substance_class = ANY (?::text[])))
					       OR r.substance_class = ANY (?::text[]))
					ORDER BY r.occurred_at DESC, r.id LIMIT 50""")
			.param(SqlArrays.textArray(districts))
			.param(Timestamp.from(since))
			.param(Timestamp.from(until))
			.param(signal.id())
			.param(signal.substanceCode())
			.param(signal.substanceClass())
			.param(signal.substanceCode())
			.param(SqlArrays.textArray(SubstanceClass.withDescendants(signal.substanceClass())))
			.param(SqlArrays.textArray(SubstanceClass.withDescendants(signal.substanceClass())))
			.query((rs, n) -> new Corroboration.Report(rs.getObject("id", UUID.class),
					rs.getObject("signal_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("lad_name"), SourceType.valueOf(rs.getString("source_type")),
					SqlArrays.strings(rs.getArray("substances")),
					SqlArrays.strings(rs.getArray("outcomes")).stream().map(Outcome::valueOf).toList(),
					rs.getInt("people"), signal.ladCode().equals(rs.getString("lad_code"))))
			.list();
	}

	/**
	 * Evidence of one kind between two times in these districts or naming the signal's
	 * substance; newest first, at most 50.
	 */
	public List<FindingRow> findings(EvidenceKind kind, SignalView signal, List<String> districts, Instant since,
			Instant until) {
		var rows = jdbc.sql("""
				SELECT signal_id, occurred_at, lad_code, summary, substance_codes FROM earlywarning.evidence
				WHERE kind = ? AND occurred_at BETWEEN ? AND ?
				  AND (lad_code = ANY (?::text[]) OR (CAST(? AS text) IS NOT NULL AND ? = ANY (substance_codes)))
				ORDER BY occurred_at DESC, id LIMIT 500""")
			.param(kind.name())
			.param(Timestamp.from(since))
			.param(Timestamp.from(until))
			.param(SqlArrays.textArray(districts))
			.param(signal.substanceCode())
			.param(signal.substanceCode())
			.query((rs, n) -> new FindingRow(rs.getObject("signal_id", UUID.class),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("lad_code"), rs.getString("summary"),
					SqlArrays.strings(rs.getArray("substance_codes"))))
			.list();
		var family = signalClass(signal);
		return rows.stream()
			.filter(row -> family == null || row.signalId().equals(signal.id()) || row.substanceCodes().isEmpty()
					|| row.substanceCodes().stream().anyMatch(code -> related(code, family)))
			.limit(50)
			.toList();
	}

	/**
	 * The class a signal is about: its substance's, else the class it was opened for;
	 * {@code null} for a signal about neither (a spike in a category).
	 */
	private @Nullable SubstanceClass signalClass(SignalView signal) {
		if (signal.substanceCode() != null && SubstanceId.isValid(signal.substanceCode())) {
			var found = substances.find(new SubstanceId(signal.substanceCode()));
			if (found.isPresent()) {
				return found.get().substanceClass();
			}
		}
		return signal.substanceClass() == null ? null
				: Arrays.stream(SubstanceClass.values())
					.filter(c -> c.name().equals(signal.substanceClass()))
					.findFirst()
					.orElse(null);
	}

	/**
	 * Whether a substance found bears on a signal about {@code family}: its class is that
	 * class, a kind of it, or one it is a kind of (heroin, an opioid, bears on a nitazene
	 * signal; ketamine does not).
	 */
	private boolean related(String code, SubstanceClass family) {
		if (!SubstanceId.isValid(code)) {
			return false;
		}
		return substances.find(new SubstanceId(code))
			.map(SubstanceSummary::substanceClass)
			.map(c -> c.isA(family) || family.isA(c))
			.orElse(false);
	}

	/**
	 * A piece of evidence as corroboration shows it, its district still a code.
	 *
	 * @param substanceCodes the substances it names (a drug-checking finding's)
	 */
	public record FindingRow(UUID signalId, Instant occurredAt, String ladCode, String summary,
			List<String> substanceCodes) {
	}

	private SignalView signal(ResultSet rs) throws SQLException {
		var code = rs.getString("substance_code");
		var key = rs.getString("group_key");
		var name = code == null || !SubstanceId.isValid(code) ? null
				: substances.find(new SubstanceId(code)).map(SubstanceSummary::name).orElse(code);
		var outcome = rs.getString("outcome");
		return new SignalView(rs.getObject("id", UUID.class), code, name, rs.getString("substance_class"),
				key.startsWith("category:") ? key.substring("category:".length()) : null, rs.getString("lad_code"),
				rs.getString("lad_name"), SignalStatus.valueOf(rs.getString("status")),
				Urgency.valueOf(rs.getString("urgency")), SqlArrays.strings(rs.getArray("rules")),
				rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("first_evidence_at").toInstant(),
				rs.getTimestamp("last_evidence_at").toInstant(), rs.getInt("evidence_count"), instant(rs, "decided_at"),
				rs.getString("decided_by"), rs.getString("decision_reason"),
				outcome == null ? null : PanelOutcome.valueOf(outcome), rs.getString("outcome_rationale"),
				instant(rs, "graded_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
