package org.harmwatch.earlywarning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A grade or an outcome was not recorded: the input is wrong (each problem names its
 * field), or the signal is not open for grading ({@link #conflict()}). Nothing was
 * changed.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class PanelRejectedException extends RuntimeException {

	private final List<ReportProblem> problems;

	private final boolean conflict;

	public PanelRejectedException(List<ReportProblem> problems, boolean conflict) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
		this.conflict = conflict;
	}

	public List<ReportProblem> problems() {
		return problems;
	}

	/** Whether the signal's state, not the input, is the problem (HTTP 409). */
	public boolean conflict() {
		return conflict;
	}

}
