package org.harmwatch.drugchecking.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/**
 * What drug checking's forms and filters share: the module's rules added to a form's
 * errors, and problems in the reader's words.
 */
final class FormProblems {

	private FormProblems() {
	}

	/**
	 * Adds the module's problems with the draft for the fields the form has not already
	 * found wrong, so that every wrong field is named at once.
	 */
	static void addRules(BindingResult result, List<FieldProblem> problems) {
		var fresh = problems.stream().filter(p -> p.field() == null || !result.hasFieldErrors(p.field())).toList();
		if (!fresh.isEmpty()) {
			new InputRejectedException(fresh).addTo(result);
		}
	}

	/**
	 * Each problem's field and its message in the reader's words, for a page's error
	 * summary ({@code fragments/errorSummary}) or a problem document.
	 */
	static List<Map<String, @Nullable Object>> messages(List<FieldProblem> problems, MessageSource messages) {
		var locale = LocaleContextHolder.getLocale();
		var list = new ArrayList<Map<String, @Nullable Object>>();
		for (var problem : problems) {
			var entry = new LinkedHashMap<String, @Nullable Object>();
			entry.put("field", problem.field());
			entry.put("message", messages.getMessage(problem, locale));
			list.add(entry);
		}
		return list;
	}

	/**
	 * 400 {@code application/problem+json} for a query that cannot be read, e.g. a board
	 * filter: {@code errors} names each parameter.
	 */
	static ResponseEntity<ProblemDetail> badQuery(String titleCode, List<FieldProblem> problems,
			MessageSource messages) {
		var errors = messages(problems, messages);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.join(" ", errors.stream().map(e -> String.valueOf(e.get("message"))).toList()));
		problem.setTitle(messages.getMessage(titleCode, null, LocaleContextHolder.getLocale()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
