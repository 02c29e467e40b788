package org.harmwatch.earlywarning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A report was not stored because some of its fields are wrong.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class ReportRejectedException extends RuntimeException {

	private final List<ReportProblem> problems;

	public ReportRejectedException(List<ReportProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<ReportProblem> problems() {
		return problems;
	}

}
