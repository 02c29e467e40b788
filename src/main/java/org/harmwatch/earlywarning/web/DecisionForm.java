package org.harmwatch.earlywarning.web;

import jakarta.validation.constraints.Pattern;
import org.harmwatch.earlywarning.SignalStatus;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's decision on an open signal: validate or dismiss, and why (a dismissal
 * needs a reason, which the signal checks).
 */
record DecisionForm(
		@Pattern(regexp = "VALIDATED|DISMISSED", message = "{earlywarning.error.decision.outcome}") String outcome,
		String reason) {

	DecisionForm(@Nullable String outcome, @Nullable String reason) {
		this.outcome = outcome == null ? "" : outcome;
		this.reason = reason == null ? "" : reason;
	}

	static DecisionForm empty() {
		return new DecisionForm("", "");
	}

	/** The decision; call only when the form has no errors. */
	SignalStatus decision() {
		return SignalStatus.valueOf(outcome);
	}

}
