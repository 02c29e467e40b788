package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A signal's decisions, the aggregate holding its state rules: {@code OPEN} →
 * {@code VALIDATED} or {@code DISMISSED} (the coordinator; a dismissal says why),
 * {@code VALIDATED} → {@code GRADED} (the panel's outcome, once a quorum has graded).
 * Filing evidence into a signal (urgency, rules, counts) is the {@link SignalEngine}'s,
 * which serialises it per district and group; those columns are not part of this
 * aggregate, so saving it never overwrites them.
 */
@Table(schema = "earlywarning", name = "signal")
public class Signal {

	/** The longest reason for a decision. */
	static final int MAX_REASON = 2000;

	/** The longest rationale of a grade or an outcome. */
	public static final int MAX_RATIONALE = 4000;

	@Id
	private final UUID id;

	private SignalStatus status;

	private @Nullable Instant decidedAt;

	private @Nullable String decidedBy;

	private @Nullable String decisionReason;

	private @Nullable PanelOutcome outcome;

	private @Nullable String outcomeRationale;

	private @Nullable Instant gradedAt;

	private @Nullable String gradedBy;

	@Version
	private @Nullable Integer lockVersion;

	@PersistenceCreator
	Signal(UUID id, SignalStatus status, @Nullable Instant decidedAt, @Nullable String decidedBy,
			@Nullable String decisionReason, @Nullable PanelOutcome outcome, @Nullable String outcomeRationale,
			@Nullable Instant gradedAt, @Nullable String gradedBy, @Nullable Integer lockVersion) {
		this.id = id;
		this.status = status;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.decisionReason = decisionReason;
		this.outcome = outcome;
		this.outcomeRationale = outcomeRationale;
		this.gradedAt = gradedAt;
		this.gradedBy = gradedBy;
		this.lockVersion = lockVersion;
	}

	/**
	 * The coordinator validates or dismisses the open signal.
	 * @return the reason, stripped ({@code null} when none was given)
	 * @throws InputRejectedException when the outcome is not a decision, a dismissal has
	 * no reason, the reason is too long, or the signal was already decided
	 */
	public @Nullable String decide(SignalStatus decision, @Nullable String reason, String by, Instant at) {
		var why = reason == null || reason.isBlank() ? null : reason.strip();
		if (decision != SignalStatus.VALIDATED && decision != SignalStatus.DISMISSED) {
			throw new InputRejectedException(FieldProblem.of("outcome", "earlywarning.error.decision.outcome"));
		}
		if (decision == SignalStatus.DISMISSED && why == null) {
			throw new InputRejectedException(FieldProblem.of("reason", "earlywarning.error.decision.reason"));
		}
		if (why != null && why.length() > MAX_REASON) {
			throw new InputRejectedException(FieldProblem.of("reason", "earlywarning.error.decision.reasonTooLong"));
		}
		if (status != SignalStatus.OPEN) {
			throw new InputRejectedException(FieldProblem.of("outcome", "earlywarning.error.decision.decided"));
		}
		status = decision;
		decidedAt = at;
		decidedBy = by;
		decisionReason = why;
		return why;
	}

	/**
	 * Whether members may grade it now.
	 * @throws NotOpen when the signal is not open for grading
	 */
	public void requireGradable() {
		if (status != SignalStatus.VALIDATED) {
			throw new NotOpen(FieldProblem.of("signal", status == SignalStatus.GRADED
					? "earlywarning.panel.error.gradesClosed" : "earlywarning.panel.error.notValidated"));
		}
	}

	/**
	 * Checks whether the panel's outcome may be recorded now (before the input is
	 * checked).
	 * @throws NotOpen when the signal is not validated
	 */
	public void requireOutcomeOpen() {
		if (status != SignalStatus.VALIDATED) {
			throw new NotOpen(FieldProblem.of("outcome", status == SignalStatus.GRADED
					? "earlywarning.panel.error.outcomeRecorded" : "earlywarning.panel.error.outcomeNotValidated"));
		}
	}

	/**
	 * The coordinator records the panel's outcome once {@code quorum} grades are in: the
	 * signal becomes graded.
	 * @return the rationale, stripped
	 * @throws NotOpen when the signal is not validated; {@link InputRejectedException}
	 * when the quorum is not reached, or the outcome or rationale is missing or wrong
	 */
	public String recordOutcome(@Nullable PanelOutcome panelOutcome, @Nullable String rationale, int grades, int quorum,
			String by, Instant at) {
		requireOutcomeOpen();
		var problems = new ArrayList<FieldProblem>();
		if (grades < quorum) {
			problems.add(FieldProblem.of("outcome", "earlywarning.panel.error.quorum", String.valueOf(quorum),
					String.valueOf(grades)));
		}
		else if (panelOutcome == null) {
			problems.add(FieldProblem.of("outcome", "earlywarning.panel.error.outcome"));
		}
		var why = rationale(rationale, problems);
		if (!problems.isEmpty() || panelOutcome == null || why == null) {
			throw new InputRejectedException(problems);
		}
		status = SignalStatus.GRADED;
		outcome = panelOutcome;
		outcomeRationale = why;
		gradedAt = at;
		gradedBy = by;
		return why;
	}

	/**
	 * The rationale of a grade or an outcome, stripped; {@code null} with a problem added
	 * when it is missing or long.
	 */
	public static @Nullable String rationale(@Nullable String rationale, List<FieldProblem> problems) {
		var why = rationale == null || rationale.isBlank() ? null : rationale.strip();
		if (why == null) {
			problems.add(FieldProblem.of("rationale", "earlywarning.panel.error.rationale"));
		}
		else if (why.length() > MAX_RATIONALE) {
			problems.add(FieldProblem.of("rationale", "earlywarning.panel.error.rationaleTooLong",
					String.valueOf(MAX_RATIONALE)));
			return null;
		}
		return why;
	}

	/**
	 * The signal is not open for what was asked (grading, or recording the outcome): its
	 * state, not the input, is the problem (HTTP 409). Nothing changed.
	 */
	public static class NotOpen extends InputRejectedException {

		NotOpen(FieldProblem problem) {
			super(problem);
		}

	}

	public UUID id() {
		return id;
	}

	public SignalStatus status() {
		return status;
	}

	public @Nullable Instant decidedAt() {
		return decidedAt;
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable PanelOutcome outcome() {
		return outcome;
	}

	public @Nullable String gradedBy() {
		return gradedBy;
	}

}
