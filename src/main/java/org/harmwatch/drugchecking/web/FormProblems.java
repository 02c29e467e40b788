package org.harmwatch.drugchecking.web;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What drug checking's forms and filters share: the module's rules added to a form's
 * errors, errors in page order, and problems in the reader's words.
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
	 * Puts a form's errors in the order its fields appear on the page (the order of the
	 * record's components, rows of a list in their order), with problems that belong to
	 * no field first, so the error summary reads top to bottom like the form.
	 */
	static void inPageOrder(Model model, String name) {
		if (!(model.getAttribute(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult result)
				|| !result.hasErrors() || result.getTarget() == null) {
			return;
		}
		var target = result.getTarget();
		var order = new ArrayList<String>();
		if (target.getClass().isRecord()) {
			for (var component : target.getClass().getRecordComponents()) {
				order.add(component.getName());
			}
		}
		var sorted = new BeanPropertyBindingResult(target, name);
		result.getGlobalErrors().forEach(sorted::addError);
		result.getFieldErrors().stream().sorted(Comparator.comparingInt((FieldError error) -> {
			var field = error.getField();
			int cut = field.indexOf('[');
			int index = order.indexOf(cut < 0 ? field : field.substring(0, cut));
			return index < 0 ? order.size() : index;
		}).thenComparingInt(error -> row(error.getField()))).forEach(sorted::addError);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, sorted);
	}

	/** The row of a list field ({@code components[2].text} is 2), or -1. */
	private static int row(String field) {
		int open = field.indexOf('[');
		int close = field.indexOf(']');
		if (open < 0 || close < open) {
			return -1;
		}
		try {
			return Integer.parseInt(field.substring(open + 1, close));
		}
		catch (NumberFormatException ex) {
			return -1;
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
