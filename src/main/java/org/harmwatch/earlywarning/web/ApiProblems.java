package org.harmwatch.earlywarning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.platform.InputRejectedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The problem document early warning's APIs answer a rejection with: the validation shape
 * (title, a detail listing every problem, {@code errors} naming each field) with the
 * status these APIs have always used (400, or 409 when the state is the problem).
 */
final class ApiProblems {

	private ApiProblems() {
	}

	static ResponseEntity<ProblemDetail> rejected(InputRejectedException ex, HttpStatus status, String title,
			MessageSource messages) {
		var locale = LocaleContextHolder.getLocale();
		var errors = ex.problems().stream().map(p -> {
			var error = new LinkedHashMap<String, String>();
			if (p.field() != null) {
				error.put("field", p.field());
			}
			error.put("message", messages.getMessage(p, locale));
			return (Map<String, String>) error;
		}).toList();
		var detail = errors.stream()
			.map(e -> e.containsKey("field") ? e.get("field") + ": " + e.get("message") : e.get("message"))
			.reduce((a, b) -> a + "; " + b)
			.orElse(title);
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("errors", List.copyOf(errors));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
