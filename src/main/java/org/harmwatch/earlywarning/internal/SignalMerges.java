package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.SignalMerge;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges a duplicate signal into the one that survives: the duplicate's evidence (its
 * reports and drug-checking findings, each remembering where it came from), questions to
 * reporters and links move to the survivor, whose urgency, rules and times then cover
 * both; the duplicate keeps its row, decisions and notes, says where it went, and drops
 * out of lists and counts. Evidence that would have joined the duplicate later joins the
 * survivor.
 *
 * <p>
 * Refused when it would orphan work: a duplicate with an alert that is not cancelled or
 * withdrawn (merge the other way: the signal with the alert survives), or one with the
 * panel or graded. A merge is not undone: by the time it could be, the survivor has been
 * worked on the combined evidence; the duplicate's page keeps what moved.
 */
@Component
public class SignalMerges {

	/** The longest reason. */
	public static final int MAX_REASON = 500;

	/** How many merges a chain may have before filing gives up following it. */
	private static final int MAX_CHAIN = 20;

	private final JdbcClient jdbc;

	private final ReporterQuestions questions;

	private final AuditLog audit;

	SignalMerges(JdbcClient jdbc, ReporterQuestions questions, AuditLog audit) {
		this.jdbc = jdbc;
		this.questions = questions;
		this.audit = audit;
	}

	private record Row(UUID id, SignalStatus status, Urgency urgency, List<String> rules, @Nullable UUID mergedInto) {
	}

	/**
	 * Merges {@code duplicate} into {@code survivor}; audited on both.
	 * @throws InputRejectedException naming every reason it cannot be merged; nothing
	 * changes then
	 */
	public void merge(UUID duplicate, @Nullable UUID survivor, @Nullable String reason, String by, Instant at) {
		var problems = new ArrayList<FieldProblem>();
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			problems.add(FieldProblem.of("mergeReason", "earlywarning.merge.reason.required"));
		}
		else if (why.length() > MAX_REASON) {
			problems.add(FieldProblem.of("mergeReason", "earlywarning.merge.reason.size", MAX_REASON));
		}
		if (survivor == null) {
			problems.add(FieldProblem.of("survivor", "earlywarning.merge.survivor.unknown"));
			throw new InputRejectedException(problems);
		}
		if (survivor.equals(duplicate)) {
			problems.add(FieldProblem.of("survivor", "earlywarning.merge.self"));
			throw new InputRejectedException(problems);
		}
		// Both rows locked in one order, so that two merges of the same pair (or a merge
		// and a decision) wait for each other rather than deadlock.
		var rows = new HashMap<UUID, Row>();
		jdbc.sql("""
				SELECT id, status, urgency, rules, merged_into FROM earlywarning.signal
				WHERE id IN (?, ?) ORDER BY id FOR UPDATE""")
			.params(duplicate, survivor)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), SignalStatus.valueOf(rs.getString("status")),
					Urgency.valueOf(rs.getString("urgency")), SqlArrays.strings(rs.getArray("rules")),
					rs.getObject("merged_into", UUID.class)))
			.list()
			.forEach(row -> rows.put(row.id(), row));
		var from = rows.get(duplicate);
		var to = rows.get(survivor);
		if (from == null) {
			throw new IllegalStateException("The duplicate " + duplicate + " is checked to exist by the caller");
		}
		if (from.mergedInto() != null) {
			problems.add(FieldProblem.global("earlywarning.merge.alreadyMerged"));
		}
		var alerts = liveAlerts(duplicate);
		if (!alerts.isEmpty()) {
			problems.add(FieldProblem.global("earlywarning.merge.hasAlert", String.join(", ", alerts)));
		}
		else if (from.status() == SignalStatus.VALIDATED || from.status() == SignalStatus.GRADED) {
			problems.add(FieldProblem.global("earlywarning.merge.withPanel"));
		}
		if (to == null) {
			problems.add(FieldProblem.of("survivor", "earlywarning.merge.survivor.unknown"));
		}
		else if (to.mergedInto() != null) {
			problems.add(FieldProblem.of("survivor", "earlywarning.merge.survivor.merged"));
		}
		else if (to.status() == SignalStatus.DISMISSED) {
			problems.add(FieldProblem.of("survivor", "earlywarning.merge.survivor.dismissed"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}

		int evidence = jdbc.sql("""
				UPDATE earlywarning.evidence SET signal_id = :to, moved_from = coalesce(moved_from, :from)
				WHERE signal_id = :from""").param("to", survivor).param("from", duplicate).update();
		int moved = questions.move(duplicate, survivor);
		// Links: the survivor is linked to whatever the duplicate was linked to; the
		// duplicate keeps its own links as history.
		jdbc.sql(
				"""
						INSERT INTO earlywarning.signal_link (signal_id, related_id, linked_by, linked_at, reason)
						SELECT least(:to, o.other), greatest(:to, o.other), o.linked_by, o.linked_at, o.reason
						FROM (SELECT CASE WHEN signal_id = :from THEN related_id ELSE signal_id END AS other, linked_by, linked_at, reason
						      FROM earlywarning.signal_link WHERE signal_id = :from OR related_id = :from) o
						WHERE o.other <> :to
						ON CONFLICT DO NOTHING""")
			.param("to", survivor)
			.param("from", duplicate)
			.update();
		var rules = new LinkedHashSet<>(to.rules());
		rules.addAll(from.rules());
		jdbc.sql("""
				UPDATE earlywarning.signal s SET urgency = :urgency, rules = CAST(:rules AS text[]),
				  first_evidence_at = least(s.first_evidence_at, d.first_evidence_at),
				  last_evidence_at = greatest(s.last_evidence_at, d.last_evidence_at),
				  evidence_count = (SELECT count(*) FROM earlywarning.evidence e WHERE e.signal_id = s.id),
				  lock_version = s.lock_version + 1
				FROM earlywarning.signal d WHERE s.id = :to AND d.id = :from""")
			.param("urgency", to.urgency().max(from.urgency()).name())
			.param("rules", SqlArrays.textArray(List.copyOf(rules)))
			.param("to", survivor)
			.param("from", duplicate)
			.update();
		jdbc.sql("""
				UPDATE earlywarning.signal SET merged_into = ?, merged_at = ?, merged_by = ?, merge_reason = ?,
				  lock_version = lock_version + 1 WHERE id = ?""")
			.params(survivor, Timestamp.from(at), by, why, duplicate)
			.update();
		var detail = evidence + " evidence, " + moved + " questions";
		audit.recordFor(by, null, EarlyWarningAudit.SIGNALS_MERGED, "early-warning-signal", duplicate.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				"merged into " + survivor + ": " + detail);
		audit.recordFor(by, null, EarlyWarningAudit.SIGNALS_MERGED, "early-warning-signal", survivor.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, "survived " + duplicate + ": " + detail);
	}

	/** Where a signal was merged, if it was. */
	public Optional<SignalMerge> mergeOf(UUID signalId) {
		return jdbc.sql("""
				SELECT id, merged_into, merged_at, merged_by, merge_reason FROM earlywarning.signal
				WHERE id = ? AND merged_into IS NOT NULL""").param(signalId).query((rs, n) -> merge(rs)).optional();
	}

	/** The signals merged into this one, earliest first. */
	public List<SignalMerge> mergedInto(UUID survivor) {
		return jdbc.sql("""
				SELECT id, merged_into, merged_at, merged_by, merge_reason FROM earlywarning.signal
				WHERE merged_into = ? ORDER BY merged_at, id""").param(survivor).query((rs, n) -> merge(rs)).list();
	}

	/**
	 * The signal that now stands for this one: itself, or the survivor it was merged into
	 * (following a chain of merges).
	 */
	public UUID current(UUID signalId) {
		var id = signalId;
		for (int i = 0; i < MAX_CHAIN; i++) {
			var next = jdbc.sql("SELECT merged_into FROM earlywarning.signal WHERE id = ?")
				.param(id)
				.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
				.optional()
				.flatMap(o -> o);
			if (next.isEmpty()) {
				return id;
			}
			id = next.get();
		}
		return id;
	}

	/**
	 * The references (or headlines of drafts) of a signal's alerts that are neither
	 * cancelled nor withdrawn.
	 */
	private List<String> liveAlerts(UUID signalId) {
		return jdbc.sql("""
				SELECT coalesce(reference, headline) FROM earlywarning.alert
				WHERE signal_id = ? AND state NOT IN ('CANCELLED', 'WITHDRAWN') ORDER BY created_at""")
			.param(signalId)
			.query(String.class)
			.list();
	}

	private static SignalMerge merge(ResultSet rs) throws SQLException {
		return new SignalMerge(rs.getObject("id", UUID.class), rs.getObject("merged_into", UUID.class),
				rs.getTimestamp("merged_at").toInstant(), rs.getString("merged_by"), rs.getString("merge_reason"));
	}

}
