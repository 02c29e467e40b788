package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.ReporterQuestion;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Questions about reports, asked of the agencies that sent them, and their answers; read
 * and written with SQL. Who may ask and answer is decided by the caller (the
 * {@link EarlyWarningPolicy}).
 */
@Component
public class ReporterQuestions {

	/** The longest question. */
	public static final int MAX_QUESTION = 2_000;

	/** The longest answer. */
	public static final int MAX_ANSWER = 4_000;

	private static final String SELECT = """
			SELECT q.*, coalesce(r.reporter_agency_name, q.agency_code) AS agency_name
			FROM earlywarning.reporter_question q JOIN earlywarning.report r ON r.id = q.report_id
			""";

	private final JdbcClient jdbc;

	ReporterQuestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reports filed into a signal, in the order they happened. */
	public List<ReporterQuestion.ReportToAsk> reportsOf(UUID signalId) {
		return jdbc.sql("""
				SELECT r.id, r.occurred_at, r.source_type, r.reporter_agency_code, r.reporter_agency_name
				FROM earlywarning.evidence e JOIN earlywarning.report r ON r.id::text = e.ref
				WHERE e.kind = 'REPORT' AND e.signal_id = ? ORDER BY r.occurred_at, r.id""")
			.param(signalId)
			.query((rs, n) -> new ReporterQuestion.ReportToAsk(rs.getObject("id", UUID.class),
					rs.getTimestamp("occurred_at").toInstant(), SourceType.valueOf(rs.getString("source_type")),
					rs.getString("reporter_agency_code"), rs.getString("reporter_agency_name")))
			.list();
	}

	/**
	 * Stores a question about a report in this signal, for the agency that sent it.
	 * @return the question's id
	 * @throws InputRejectedException when the report is not in the signal, was sent
	 * anonymously (no one can be asked), or the question is empty or too long
	 */
	public UUID ask(UUID signalId, @Nullable UUID reportId, @Nullable String question, String by, Instant at) {
		var problems = new ArrayList<FieldProblem>();
		var text = question == null ? "" : question.strip();
		if (text.isEmpty()) {
			problems.add(FieldProblem.of("question", "earlywarning.question.text.required"));
		}
		else if (text.length() > MAX_QUESTION) {
			problems.add(FieldProblem.of("question", "earlywarning.question.text.size", MAX_QUESTION));
		}
		var report = reportId == null ? Optional.<ReporterQuestion.ReportToAsk>empty()
				: reportsOf(signalId).stream().filter(r -> r.reportId().equals(reportId)).findFirst();
		if (report.isEmpty()) {
			problems.add(FieldProblem.of("report", "earlywarning.question.report.unknown"));
		}
		else if (report.get().agencyCode() == null) {
			problems.add(FieldProblem.of("report", "earlywarning.question.report.anonymous"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO earlywarning.reporter_question (id, signal_id, report_id, agency_code, question, asked_by, asked_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, signalId, reportId, report.get().agencyCode(), text, by, Timestamp.from(at))
			.update();
		return id;
	}

	/**
	 * Records the agency's answer, once.
	 * @throws InputRejectedException when the answer is empty or too long, or the
	 * question was answered already
	 */
	public void answer(UUID id, @Nullable String answer, String by, Instant at) {
		var text = answer == null ? "" : answer.strip();
		if (text.isEmpty()) {
			throw new InputRejectedException(FieldProblem.of("answer", "earlywarning.answer.text.required"));
		}
		if (text.length() > MAX_ANSWER) {
			throw new InputRejectedException(FieldProblem.of("answer", "earlywarning.answer.text.size", MAX_ANSWER));
		}
		var answered = jdbc.sql("SELECT answer IS NOT NULL FROM earlywarning.reporter_question WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Boolean.class)
			.single();
		if (answered) {
			throw new InputRejectedException(FieldProblem.global("earlywarning.answer.already"));
		}
		jdbc.sql("UPDATE earlywarning.reporter_question SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ?")
			.params(text, by, Timestamp.from(at), id)
			.update();
	}

	/** One question. */
	public Optional<ReporterQuestion> find(UUID id) {
		return jdbc.sql(SELECT + "WHERE q.id = ?").param(id).query((rs, n) -> question(rs)).optional();
	}

	/** The questions asked on a signal, oldest first. */
	public List<ReporterQuestion> onSignal(UUID signalId) {
		return jdbc.sql(SELECT + "WHERE q.signal_id = ? ORDER BY q.asked_at, q.id")
			.param(signalId)
			.query((rs, n) -> question(rs))
			.list();
	}

	/** How many questions an agency was asked (only unanswered ones when asked). */
	public long countFor(String agencyCode, boolean unansweredOnly) {
		return jdbc
			.sql("SELECT count(*) FROM earlywarning.reporter_question WHERE agency_code = ?"
					+ (unansweredOnly ? " AND answer IS NULL" : ""))
			.param(agencyCode)
			.query(Long.class)
			.single();
	}

	/** The questions an agency was asked, unanswered first, newest first. */
	public List<ReporterQuestion> pageFor(String agencyCode, int limit, int offset) {
		return jdbc
			.sql(SELECT
					+ "WHERE q.agency_code = ? ORDER BY q.answer IS NOT NULL, q.asked_at DESC, q.id LIMIT ? OFFSET ?")
			.params(agencyCode, limit, offset)
			.query((rs, n) -> question(rs))
			.list();
	}

	/** Moves a duplicate signal's questions to the signal it was merged into. */
	int move(UUID from, UUID to) {
		return jdbc.sql("UPDATE earlywarning.reporter_question SET signal_id = ? WHERE signal_id = ?")
			.params(to, from)
			.update();
	}

	private static ReporterQuestion question(ResultSet rs) throws SQLException {
		var answeredAt = rs.getTimestamp("answered_at");
		return new ReporterQuestion(rs.getObject("id", UUID.class), rs.getObject("signal_id", UUID.class),
				rs.getObject("report_id", UUID.class), rs.getString("agency_code"), rs.getString("agency_name"),
				rs.getString("question"), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(),
				rs.getString("answer"), rs.getString("answered_by"),
				answeredAt == null ? null : answeredAt.toInstant());
	}

}
