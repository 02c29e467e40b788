package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

/**
 * One panel member's grade of a validated signal. A member has at most one grade per
 * signal; grading again replaces it until the outcome is recorded.
 *
 * @param signalId the signal
 * @param username who graded it
 * @param displayName their name
 * @param strength the strength of the evidence
 * @param harm the potential harm
 * @param recommendation the outcome they recommend
 * @param rationale why
 * @param firstGradedAt when they first graded it
 * @param gradedAt when they last changed their grade
 */
public record PanelGrade(UUID signalId, String username, String displayName, EvidenceStrength strength,
		PotentialHarm harm, PanelOutcome recommendation, String rationale, Instant firstGradedAt, Instant gradedAt) {

	/** What the grading matrix suggests for this grade's evidence and harm. */
	public PanelOutcome matrixSuggestion() {
		return PanelManagement.suggest(strength, harm);
	}

}
