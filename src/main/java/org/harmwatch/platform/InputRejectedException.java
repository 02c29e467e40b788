package org.harmwatch.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;

/**
 * Input that breaks a module's rules; nothing was changed. Every module's management
 * class throws it for bad input.
 *
 * <p>
 * Uncaught, the platform answers it with 422: {@code application/problem+json} naming
 * each field for an API or JSON request, a page with the error summary otherwise. A form
 * controller that wants the problems on its form catches it and calls
 * {@link #addTo(BindingResult)}.
 */
public class InputRejectedException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InputRejectedException(List<FieldProblem> problems) {
		super(problems.stream()
			.map(p -> (p.field() == null ? "" : p.field() + ": ") + p.code())
			.collect(Collectors.joining("; ")));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rejection names at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public InputRejectedException(FieldProblem problem) {
		this(List.of(problem));
	}

	/** What is wrong, in the order the person should read it. */
	public List<FieldProblem> problems() {
		return problems;
	}

	/**
	 * Puts each problem on the form: on its field when the form has it, else at the top
	 * (a global error). The message is resolved from the code when the page is drawn.
	 */
	public void addTo(BindingResult result) {
		for (var problem : problems) {
			var arguments = problem.getArguments();
			if (problem.field() != null && result.getFieldType(problem.field()) != null) {
				result.rejectValue(problem.field(), problem.code(), arguments, problem.code());
			}
			else {
				result.reject(problem.code(), arguments, problem.code());
			}
		}
	}

}
