package org.harmwatch.diversion;

import java.util.List;

/**
 * One eligibility rule as it applied to a referral: the rule, whether it passed, and the
 * values it compared (for the message {@code diversion.rule.<rule>.<pass|fail>}).
 */
public record RuleOutcome(String rule, boolean passed, List<String> arguments) {

	public RuleOutcome {
		arguments = List.copyOf(arguments);
	}

	/** The message key that explains this outcome. */
	public String messageKey() {
		return "diversion.rule." + rule + "." + (passed ? "pass" : "fail");
	}

}
