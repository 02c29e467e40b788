package org.harmwatch.diversion;

import java.util.List;

/** Whether a referral is eligible, and every rule that applied with its result. */
public record EligibilityDecision(boolean eligible, List<RuleOutcome> rules) {

	public EligibilityDecision {
		rules = List.copyOf(rules);
	}

}
