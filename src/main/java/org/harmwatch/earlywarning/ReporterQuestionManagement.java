package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.internal.EarlyWarningAudit;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.ReporterQuestions;
import org.harmwatch.earlywarning.internal.SignalMerges;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Ask the reporter": the coordinator asks a question about a report in a signal of the
 * agency that sent it; that agency's staff who report see it on their home page, read it
 * with their report and answer; the answer shows on the signal.
 *
 * <p>
 * A question goes to an agency, never to a person, so no one learns who reported; a
 * report a member of the public sent anonymously has no one to ask, and the coordinator
 * is told so. {@link ReporterQuestionAsked} lets the delivery module e-mail the agency's
 * staff a link (no content). Every question and answer written or read is audited; a
 * question of another agency is answered as not found.
 */
@Service
public class ReporterQuestionManagement {

	/** Questions per page. */
	public static final int PAGE_SIZE = 25;

	private final ReporterQuestions questions;

	private final SignalMerges merges;

	private final EarlyWarningManagement earlyWarning;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ReporterQuestionManagement(ReporterQuestions questions, SignalMerges merges, EarlyWarningManagement earlyWarning,
			AuditLog audit, ApplicationEventPublisher events) {
		this.questions = questions;
		this.merges = merges;
		this.earlyWarning = earlyWarning;
		this.audit = audit;
		this.events = events;
	}

	/** The reports in a signal, each saying whether anyone can be asked about it. */
	@Transactional(readOnly = true)
	public List<ReporterQuestion.ReportToAsk> reportsToAsk(UUID signalId) {
		earlyWarning.signal(signalId);
		return questions.reportsOf(signalId);
	}

	/**
	 * The coordinator asks the agency that sent a report in this signal a question;
	 * audited, and {@link ReporterQuestionAsked} published.
	 * @throws InputRejectedException when the report is not in the signal, was sent
	 * anonymously, the question is empty or too long, or the signal was merged
	 */
	@Transactional
	public UUID ask(UUID signalId, @Nullable UUID reportId, @Nullable String question, HarmwatchUser asker,
			Instant at) {
		earlyWarning.signal(signalId);
		if (!EarlyWarningPolicy.mayCoordinate(asker)) {
			throw new NotFoundException("earlywarning.error.notFound.signal", signalId);
		}
		if (merges.mergeOf(signalId).isPresent()) {
			throw new InputRejectedException(FieldProblem.global("earlywarning.merge.isMerged"));
		}
		var id = questions.ask(signalId, reportId, question, asker.getUsername(), at);
		var asked = questions.find(id).orElseThrow();
		audit.record(EarlyWarningAudit.REPORTER_QUESTION_ASKED, "early-warning-question", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				"signal " + signalId + ", report " + reportId + ", agency " + asked.agencyCode());
		events.publishEvent(new ReporterQuestionAsked(id, asked.agencyCode(), at));
		return id;
	}

	/**
	 * The questions asked on a signal with their answers, for early-warning readers;
	 * audited, as answers may describe people.
	 */
	@Transactional(readOnly = true)
	public List<ReporterQuestion> onSignal(UUID signalId) {
		earlyWarning.signal(signalId);
		var list = questions.onSignal(signalId);
		if (!list.isEmpty()) {
			audit.record(EarlyWarningAudit.REPORTER_QUESTIONS_LISTED, "early-warning-signal", signalId.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, list.size() + " questions");
		}
		return list;
	}

	/**
	 * The questions asked of the reader's agency, unanswered first; audited. Empty for
	 * someone who does not report to early warning.
	 */
	@Transactional(readOnly = true)
	public ReporterQuestion.Page forMyAgency(HarmwatchUser reader, int page) {
		if (!EarlyWarningPolicy.mayAnswerFor(reader, reader.agencyCode())) {
			return new ReporterQuestion.Page(List.of(), 1, 1, 0);
		}
		long total = questions.countFor(reader.agencyCode(), false);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var rows = questions.pageFor(reader.agencyCode(), PAGE_SIZE, (p - 1) * PAGE_SIZE);
		audit.record(EarlyWarningAudit.REPORTER_QUESTIONS_LISTED, "early-warning-question", null,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				"agency " + reader.agencyCode() + ", page " + p + ", " + rows.size() + " questions");
		return new ReporterQuestion.Page(rows, p, pages, total);
	}

	/**
	 * How many questions to the reader's agency wait for an answer (their work queue).
	 */
	@Transactional(readOnly = true)
	public long unansweredForMyAgency(HarmwatchUser reader) {
		return EarlyWarningPolicy.mayAnswerFor(reader, reader.agencyCode())
				? questions.countFor(reader.agencyCode(), true) : 0;
	}

	/**
	 * One question, for staff of the agency asked or the coordinator; audited. Anyone
	 * else is told it does not exist, and the refusal is audited.
	 */
	@Transactional(readOnly = true)
	public ReporterQuestion question(UUID id, HarmwatchUser reader) {
		var question = questions.find(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.question", id));
		if (!EarlyWarningPolicy.mayAnswerFor(reader, question.agencyCode())
				&& !EarlyWarningPolicy.mayCoordinate(reader)) {
			audit.record(EarlyWarningAudit.REPORTER_QUESTION_VIEWED, "early-warning-question", id.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "asked of another agency");
			throw new NotFoundException("earlywarning.error.notFound.question", id);
		}
		audit.record(EarlyWarningAudit.REPORTER_QUESTION_VIEWED, "early-warning-question", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
		return question;
	}

	/** Whether this reader may answer this question (staff of the agency asked). */
	public static boolean mayAnswer(ReporterQuestion question, HarmwatchUser reader) {
		return EarlyWarningPolicy.mayAnswerFor(reader, question.agencyCode());
	}

	/**
	 * Staff of the agency asked answer a question, once; audited.
	 * @throws InputRejectedException when the answer is empty or too long, or it was
	 * answered already
	 */
	@Transactional
	public void answer(UUID id, @Nullable String answer, HarmwatchUser by, Instant at) {
		var question = questions.find(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.question", id));
		if (!mayAnswer(question, by)) {
			audit.record(EarlyWarningAudit.REPORTER_QUESTION_ANSWERED, "early-warning-question", id.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "asked of another agency");
			throw new NotFoundException("earlywarning.error.notFound.question", id);
		}
		questions.answer(id, answer, by.getUsername(), at);
		audit.record(EarlyWarningAudit.REPORTER_QUESTION_ANSWERED, "early-warning-question", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, "signal " + question.signalId());
	}

}
