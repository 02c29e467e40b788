package org.harmwatch.earlywarning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An alert, approval, update or cancellation was refused; nothing was saved. Names every
 * problem, field by field.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class AlertRejectedException extends RuntimeException {

	private final List<ReportProblem> problems;

	public AlertRejectedException(List<ReportProblem> problems) {
		super(problems.isEmpty() ? "The alert was refused."
				: problems.stream().map(ReportProblem::message).reduce((a, b) -> a + " " + b).orElseThrow());
		this.problems = List.copyOf(problems);
	}

	public AlertRejectedException(String field, String message) {
		this(List.of(new ReportProblem(field, message)));
	}

	public List<ReportProblem> problems() {
		return problems;
	}

}
