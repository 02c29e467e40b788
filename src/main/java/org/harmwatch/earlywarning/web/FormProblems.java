package org.harmwatch.earlywarning.web;

import java.util.List;
import java.util.Objects;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.springframework.validation.BindingResult;

/**
 * Puts problems found outside Bean Validation (reading the form, the Management's check)
 * on a form.
 */
final class FormProblems {

	private FormProblems() {
	}

	/** Adds every problem. */
	static void add(BindingResult result, List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			new InputRejectedException(problems).addTo(result);
		}
	}

	/**
	 * Adds the problems of fields that have none yet, so that a field says first what is
	 * wrong with what was typed, and the rules only where the typing was right.
	 */
	static void addWhereNone(BindingResult result, List<FieldProblem> problems) {
		add(result, problems.stream()
			.filter(p -> p.field() == null || !hasErrors(result, p.field()))
			.filter(p -> result.getGlobalErrors().stream().noneMatch(e -> Objects.equals(e.getCode(), p.code())))
			.toList());
	}

	private static boolean hasErrors(BindingResult result, String field) {
		return result.getFieldType(field) != null && result.hasFieldErrors(field);
	}

}
