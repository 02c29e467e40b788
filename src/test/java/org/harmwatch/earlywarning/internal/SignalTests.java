package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.earlywarning.EarlyWarningMessages;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.harmwatch.earlywarning.SignalStatus.DISMISSED;
import static org.harmwatch.earlywarning.SignalStatus.GRADED;
import static org.harmwatch.earlywarning.SignalStatus.OPEN;
import static org.harmwatch.earlywarning.SignalStatus.VALIDATED;

/**
 * A signal's state rules as tables, without Spring or a database: the coordinator's
 * decision and the panel's outcome.
 */
class SignalTests {

	static final Instant T = Instant.parse("2026-12-05T10:15:30Z");

	static Signal signal(SignalStatus status) {
		return new Signal(UUID.randomUUID(), status, null, null, null, null, null, null, null, 0);
	}

	/**
	 * The signal's status, the decision and reason, then the field refused and why
	 * ({@code null}: decided).
	 */
	static Stream<Arguments> decisions() {
		return Stream.of(Arguments.of(OPEN, VALIDATED, null, null, null),
				Arguments.of(OPEN, VALIDATED, "  matches the lab result ", null, null),
				Arguments.of(OPEN, DISMISSED, "duplicate of another signal", null, null),
				Arguments.of(OPEN, DISMISSED, null, "reason", "Say why the signal is dismissed."),
				Arguments.of(OPEN, DISMISSED, "   ", "reason", "Say why the signal is dismissed."),
				Arguments.of(OPEN, DISMISSED, "x".repeat(Signal.MAX_REASON + 1), "reason",
						"The reason is at most 2000 characters."),
				Arguments.of(OPEN, VALIDATED, "x".repeat(Signal.MAX_REASON), null, null),
				Arguments.of(OPEN, OPEN, "why", "outcome", "Choose validate or dismiss."),
				Arguments.of(OPEN, GRADED, "why", "outcome", "Choose validate or dismiss."),
				Arguments.of(VALIDATED, VALIDATED, null, "outcome", "This signal was already decided."),
				Arguments.of(VALIDATED, DISMISSED, "why", "outcome", "This signal was already decided."),
				Arguments.of(DISMISSED, VALIDATED, null, "outcome", "This signal was already decided."),
				Arguments.of(GRADED, DISMISSED, "why", "outcome", "This signal was already decided."));
	}

	@ParameterizedTest(name = "{0}: {1} -> {4}")
	@MethodSource("decisions")
	void decide(SignalStatus status, SignalStatus decision, @Nullable String reason, @Nullable String field,
			@Nullable String message) {
		var signal = signal(status);
		if (field == null) {
			var why = signal.decide(decision, reason, "coordinator", T);
			assertThat(signal.status()).isEqualTo(decision);
			assertThat(signal.decidedAt()).isEqualTo(T);
			assertThat(signal.decidedBy()).isEqualTo("coordinator");
			assertThat(why).isEqualTo(reason == null ? null : reason.strip());
		}
		else {
			assertThatThrownBy(() -> signal.decide(decision, reason, "coordinator", T))
				.isInstanceOfSatisfying(InputRejectedException.class, ex -> {
					assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly(field);
					assertThat(EarlyWarningMessages.texts(ex)).containsExactly(message);
				});
			assertThat(signal.status()).isEqualTo(status);
			assertThat(signal.decidedAt()).isNull();
		}
	}

	/**
	 * The signal's status, the outcome and rationale, the grades in against a quorum of
	 * 2, then whether it is a conflict and the message ({@code null}: recorded).
	 */
	static Stream<Arguments> outcomes() {
		var why = "Lab-confirmed fentanyl in three samples.";
		return Stream.of(Arguments.of(VALIDATED, PanelOutcome.ALERT_PROFESSIONALS, why, 2, false, null),
				Arguments.of(VALIDATED, PanelOutcome.MONITOR, why, 3, false, null),
				Arguments.of(VALIDATED, PanelOutcome.ALERT_PROFESSIONALS, why, 1, false,
						"The panel needs 2 grades before the outcome can be recorded; it has 1."),
				Arguments.of(VALIDATED, null, why, 2, false, "Choose the panel's outcome."),
				Arguments.of(VALIDATED, PanelOutcome.ALERT_PROFESSIONALS, " ", 2, false, "Give your reasons."),
				Arguments.of(VALIDATED, PanelOutcome.ALERT_PROFESSIONALS, "x".repeat(Signal.MAX_RATIONALE + 1), 2,
						false, "The reasons are at most 4000 characters."),
				Arguments.of(GRADED, PanelOutcome.ALERT_PROFESSIONALS, why, 2, true,
						"The panel's outcome has already been recorded."),
				Arguments.of(OPEN, PanelOutcome.ALERT_PROFESSIONALS, why, 2, true,
						"Only a validated signal is graded."),
				Arguments.of(DISMISSED, PanelOutcome.ALERT_PROFESSIONALS, why, 2, true,
						"Only a validated signal is graded."));
	}

	@ParameterizedTest(name = "{0}: {1} with {3} grades -> {5}")
	@MethodSource("outcomes")
	void recordOutcome(SignalStatus status, @Nullable PanelOutcome outcome, String rationale, int grades,
			boolean conflict, @Nullable String message) {
		var signal = signal(status);
		if (message == null) {
			assertThat(signal.recordOutcome(outcome, rationale, grades, 2, "coordinator", T)).isEqualTo(rationale);
			assertThat(signal.status()).isEqualTo(GRADED);
			assertThat(signal.outcome()).isEqualTo(outcome);
			assertThat(signal.gradedBy()).isEqualTo("coordinator");
		}
		else {
			assertThatThrownBy(() -> signal.recordOutcome(outcome, rationale, grades, 2, "coordinator", T))
				.isInstanceOfSatisfying(InputRejectedException.class, ex -> {
					assertThat(ex instanceof Signal.NotOpen).isEqualTo(conflict);
					assertThat(EarlyWarningMessages.texts(ex)).contains(message);
				});
			assertThat(signal.status()).isEqualTo(status);
			assertThat(signal.outcome()).isNull();
		}
	}

	@Test
	void gradingIsOpenOnlyWhileValidated() {
		signal(VALIDATED).requireGradable();
		for (var status : new SignalStatus[] { OPEN, DISMISSED, GRADED }) {
			assertThatThrownBy(() -> signal(status).requireGradable()).isInstanceOf(Signal.NotOpen.class);
		}
		var problems = new ArrayList<FieldProblem>();
		assertThat(Signal.rationale("  reasons  ", problems)).isEqualTo("reasons");
		assertThat(problems).isEmpty();
	}

}
