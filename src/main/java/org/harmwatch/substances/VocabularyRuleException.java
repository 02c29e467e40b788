package org.harmwatch.substances;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change to the vocabulary that breaks its rules; nothing was changed. Each problem
 * names its field (and row).
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class VocabularyRuleException extends RuntimeException {

	private final List<VocabularyProblem> problems;

	public VocabularyRuleException(List<VocabularyProblem> problems) {
		super(problems.stream().map(VocabularyProblem::describe).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<VocabularyProblem> problems() {
		return problems;
	}

}
