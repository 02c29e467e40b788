package org.harmwatch.earlywarning.web;

import org.harmwatch.earlywarning.PanelOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's record of the panel's outcome and its rationale;
 * {@code PanelManagement} checks the quorum and that both are given.
 */
record OutcomeForm(String outcome, String rationale) {

	OutcomeForm(@Nullable String outcome, @Nullable String rationale) {
		this.outcome = outcome == null ? "" : outcome;
		this.rationale = rationale == null ? "" : rationale;
	}

	@Nullable PanelOutcome chosen() {
		return SignalController.pick(PanelOutcome.class, outcome);
	}

}
