package org.harmwatch.platform.imports;

import java.util.List;

/**
 * Thrown by {@link ImportKind#parse} when a row is bad; its problems name what is wrong
 * (one or several).
 */
public class ImportRowException extends RuntimeException {

	private final List<ImportProblem> problems;

	ImportRowException(List<ImportProblem> problems) {
		super(problems.isEmpty() ? "" : problems.get(0).code(), null, false, false);
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rejected row names at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	/** What is wrong with the row, in the order found. */
	public List<ImportProblem> problems() {
		return problems;
	}

}
