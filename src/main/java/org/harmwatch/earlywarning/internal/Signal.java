package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PanelRejectedException;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.SignalStatus;
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
	 * @throws EarlyWarningManagement.SignalDecisionException when the outcome is not a
	 * decision, a dismissal has no reason, the reason is too long, or the signal was
	 * already decided
	 */
	public @Nullable String decide(SignalStatus decision, @Nullable String reason, String by, Instant at) {
		var why = reason == null || reason.isBlank() ? null : reason.strip();
		if (decision != SignalStatus.VALIDATED && decision != SignalStatus.DISMISSED) {
			throw new EarlyWarningManagement.SignalDecisionException("outcome", "Choose validate or dismiss.");
		}
		if (decision == SignalStatus.DISMISSED && why == null) {
			throw new EarlyWarningManagement.SignalDecisionException("reason", "Say why the signal is dismissed.");
		}
		if (why != null && why.length() > MAX_REASON) {
			throw new EarlyWarningManagement.SignalDecisionException("reason",
					"The reason is at most 2000 characters.");
		}
		if (status != SignalStatus.OPEN) {
			throw new EarlyWarningManagement.SignalDecisionException("outcome", "This signal was already decided.");
		}
		status = decision;
		decidedAt = at;
		decidedBy = by;
		decisionReason = why;
		return why;
	}

	/**
	 * Whether members may grade it now.
	 * @throws PanelRejectedException (conflict) when the signal is not open for grading
	 */
	public void requireGradable() {
		if (status != SignalStatus.VALIDATED) {
			throw conflict("signal",
					status == SignalStatus.GRADED
							? "The panel's outcome has been recorded: grades can no longer change."
							: "Grading opens when the coordinator validates the signal.");
		}
	}

	/**
	 * Checks whether the panel's outcome may be recorded now (before the input is
	 * checked).
	 * @throws PanelRejectedException (conflict) when the signal is not validated
	 */
	public void requireOutcomeOpen() {
		if (status != SignalStatus.VALIDATED) {
			throw conflict("outcome", status == SignalStatus.GRADED ? "The panel's outcome has already been recorded."
					: "Only a validated signal is graded.");
		}
	}

	/**
	 * The coordinator records the panel's outcome once {@code quorum} grades are in: the
	 * signal becomes graded.
	 * @return the rationale, stripped
	 * @throws PanelRejectedException when the signal is not validated (conflict), the
	 * quorum is not reached, or the outcome or rationale is missing or wrong
	 */
	public String recordOutcome(@Nullable PanelOutcome panelOutcome, @Nullable String rationale, int grades, int quorum,
			String by, Instant at) {
		requireOutcomeOpen();
		var problems = new ArrayList<ReportProblem>();
		if (grades < quorum) {
			problems.add(new ReportProblem("outcome", "The panel needs " + quorum
					+ " grades before the outcome can be recorded; it has " + grades + "."));
		}
		else if (panelOutcome == null) {
			problems.add(new ReportProblem("outcome", "Choose the panel's outcome."));
		}
		var why = rationale(rationale, problems);
		if (!problems.isEmpty() || panelOutcome == null || why == null) {
			throw new PanelRejectedException(problems, false);
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
	public static @Nullable String rationale(@Nullable String rationale, List<ReportProblem> problems) {
		var why = rationale == null || rationale.isBlank() ? null : rationale.strip();
		if (why == null) {
			problems.add(new ReportProblem("rationale", "Give your reasons."));
		}
		else if (why.length() > MAX_RATIONALE) {
			problems.add(new ReportProblem("rationale", "The reasons are at most " + MAX_RATIONALE + " characters."));
			return null;
		}
		return why;
	}

	private static PanelRejectedException conflict(String field, String message) {
		return new PanelRejectedException(List.of(new ReportProblem(field, message)), true);
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
