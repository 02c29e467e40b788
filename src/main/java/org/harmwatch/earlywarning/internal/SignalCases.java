package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.earlywarning.CaseStatus;
import org.harmwatch.earlywarning.SignalCase;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Works a signal as a case: the coordinator's status, owner, laboratory wait and notes,
 * and a laboratory result that confirms it.
 */
@Component
public class SignalCases {

	static final int MAX_NOTE = 4_000;

	/** What a laboratory analysis is called in a drug-checking result's method list. */
	private static final Pattern LABORATORY = Pattern.compile("\\b(GC-MS|LC-MS|laboratory|toxicology)\\b",
			Pattern.CASE_INSENSITIVE);

	private final SignalCaseRepository cases;

	private final AuditLog audit;

	SignalCases(SignalCaseRepository cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	/**
	 * Changes a case: its status, who owns it, whether it waits for a laboratory, and a
	 * note (optional). Confirming it by hand records who did; a case is confirmed only by
	 * a named person or a laboratory result.
	 * @throws InputRejectedException naming every problem; nothing is saved
	 */
	public SignalCase update(UUID signalId, @Nullable CaseStatus status, @Nullable String owner,
			boolean awaitingLaboratory, @Nullable String note, String by, Instant at) {
		var problems = new ArrayList<FieldProblem>();
		if (status == null) {
			problems.add(FieldProblem.of("caseStatus", "earlywarning.error.case.status"));
		}
		var body = note == null ? "" : note.strip();
		if (body.length() > MAX_NOTE) {
			problems.add(FieldProblem.of("note", "earlywarning.error.case.noteTooLong", MAX_NOTE));
		}
		if (status == CaseStatus.CONFIRMED && awaitingLaboratory) {
			problems.add(FieldProblem.of("awaitingLaboratory", "earlywarning.error.case.confirmedAwaiting"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		cases.lock(signalId);
		var before = cases.find(signalId);
		var awaitingSince = awaitingLaboratory
				? (before.awaitingLaboratorySince() != null ? before.awaitingLaboratorySince() : at) : null;
		var confirmedAt = status == CaseStatus.CONFIRMED
				? (before.status() == CaseStatus.CONFIRMED ? before.confirmedAt() : at) : null;
		var confirmedBy = status == CaseStatus.CONFIRMED
				? (before.status() == CaseStatus.CONFIRMED ? before.confirmedBy() : by) : null;
		cases.save(signalId, status, blankToNull(owner), awaitingSince, confirmedAt, confirmedBy, by, at);
		if (!body.isEmpty()) {
			cases.note(signalId, by, at, body);
		}
		audit.recordFor(by, null, EarlyWarningAudit.SIGNAL_CASE_UPDATED, "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				status + (awaitingLaboratory ? ", awaiting laboratory" : "") + (body.isEmpty() ? "" : ", note added"));
		return cases.find(signalId);
	}

	/**
	 * A drug-checking result filed into the signal: one analysed in a laboratory confirms
	 * the case (once) and ends its wait, with a note saying which result did.
	 */
	public void resultFiled(UUID signalId, String sampleId, String analysis, Instant at) {
		if (!LABORATORY.matcher(analysis).find()) {
			return;
		}
		cases.lock(signalId);
		var before = cases.find(signalId);
		if (before.status() == CaseStatus.CONFIRMED && before.awaitingLaboratorySince() == null) {
			return;
		}
		var by = "laboratory result " + sampleId + " (" + analysis + ")";
		cases.save(signalId, CaseStatus.CONFIRMED, before.owner(), null,
				before.confirmedAt() != null ? before.confirmedAt() : at,
				before.confirmedBy() != null ? before.confirmedBy() : by, "laboratory", at);
		cases.note(signalId, "laboratory", at, "Confirmed by " + by + ".");
		audit.recordFor("laboratory", null, EarlyWarningAudit.SIGNAL_CONFIRMED_BY_LABORATORY, "early-warning-signal",
				signalId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				analysis.toLowerCase(Locale.ROOT));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
