package org.harmwatch.dissemination;

import java.util.List;

/**
 * A subscription change was refused; nothing was changed.
 */
public class SubscriptionRejectedException extends RuntimeException {

	private final List<SubscriptionProblem> problems;

	public SubscriptionRejectedException(List<SubscriptionProblem> problems) {
		super(problems.isEmpty() ? "Rejected" : problems.getFirst().message());
		this.problems = List.copyOf(problems);
	}

	public List<SubscriptionProblem> problems() {
		return problems;
	}

}
