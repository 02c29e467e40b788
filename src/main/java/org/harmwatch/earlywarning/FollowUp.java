package org.harmwatch.earlywarning;

import org.jspecify.annotations.Nullable;

/**
 * What became of the signal a report joined, as its reporter may see it: no evidence, no
 * names, no coordinator's notes.
 *
 * @param status where the signal stands
 * @param urgency how urgent the rules made it
 * @param outcome the panel's grade, once graded
 * @param alertReference the latest alert from the signal (HW-…), once issued
 * @param alertState that alert's state, when there is one
 */
public record FollowUp(SignalStatus status, Urgency urgency, @Nullable PanelOutcome outcome,
		@Nullable String alertReference, @Nullable AlertState alertState) {

	/**
	 * Whether an alert went out from the signal (it may have expired or been cancelled
	 * since).
	 */
	public boolean alerted() {
		return alertReference != null && alertState != AlertState.DRAFT && alertState != AlertState.AWAITING_APPROVAL;
	}

}
