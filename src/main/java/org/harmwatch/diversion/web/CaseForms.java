package org.harmwatch.diversion.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The small forms of a case page, each with field names of its own so that ids never
 * repeat on the page.
 */
final class CaseForms {

	private CaseForms() {
	}

	/** The decision-maker's arm and reason (not used in a trial). */
	record AllocationForm(@Nullable String allocationArm, @Nullable String allocationReason) {
	}

	/** The contract: when it starts, for how many months, and its conditions. */
	record ContractForm(@Nullable String contractStartsOn, @Nullable String contractMonths,
			@Nullable List<String> contractConditions) {
	}

	/** The legal basis of a treatment link. */
	record LinkForm(@Nullable String linkConditionId, @Nullable String linkBasis) {
	}

	/** A one-to-one session with the navigator. */
	record SessionForm(@Nullable String sessionOn, @Nullable String sessionAttended) {
	}

	/** A condition met or breached, when, and for a breach what happened. */
	record ConditionForm(@Nullable String conditionId, @Nullable String conditionOutcome, @Nullable String conditionOn,
			@Nullable String breachWhat) {
	}

	/** The prosecution decision a breach leads to. */
	record DecisionForm(@Nullable String breachId, @Nullable String decision, @Nullable String decisionReason) {
	}

	/** The day the contract was completed. */
	record CompletionForm(@Nullable String completedOn) {
	}

	/** Reconviction and rearrest within a window. */
	record OutcomeForm(@Nullable String outcomeWindow, @Nullable String outcomeRearrested,
			@Nullable String outcomeReconvicted) {
	}

	/** The victim's satisfaction. */
	record SurveyForm(@Nullable String satisfaction) {
	}

	/** Every form of the page, by its model name, empty. */
	static List<Object[]> empty() {
		return List.of(new Object[] { "allocationForm", new AllocationForm(null, null) },
				new Object[] { "contractForm", new ContractForm(null, "4", List.of()) },
				new Object[] { "linkForm", new LinkForm(null, null) },
				new Object[] { "sessionForm", new SessionForm(null, null) },
				new Object[] { "conditionForm", new ConditionForm(null, null, null, null) },
				new Object[] { "decisionForm", new DecisionForm(null, null, null) },
				new Object[] { "completionForm", new CompletionForm(null) },
				new Object[] { "outcomeForm", new OutcomeForm(null, null, null) },
				new Object[] { "surveyForm", new SurveyForm(null) });
	}

}
