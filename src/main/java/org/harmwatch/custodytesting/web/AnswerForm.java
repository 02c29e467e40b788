package org.harmwatch.custodytesting.web;

import java.time.LocalDate;
import java.util.ArrayList;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/** The treatment team's answer: did treatment start, and on which day. */
record AnswerForm(@NotBlank(message = "{custodytesting.started.required}") @Nullable String started,
		@Nullable String startedOn) {

	static AnswerForm empty() {
		return new AnswerForm(null, null);
	}

	/**
	 * Whether treatment started.
	 * @throws InputRejectedException when the answer is neither yes nor no
	 */
	boolean yes() {
		if ("true".equals(started)) {
			return true;
		}
		if ("false".equals(started)) {
			return false;
		}
		throw new InputRejectedException(FieldProblem.of("started", "custodytesting.started.required"));
	}

	/**
	 * The day it started, if given.
	 * @throws InputRejectedException when it cannot be read
	 */
	@Nullable LocalDate day() {
		var problems = new ArrayList<FieldProblem>();
		var day = FormValues.date(startedOn, "startedOn", problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return day;
	}

}
