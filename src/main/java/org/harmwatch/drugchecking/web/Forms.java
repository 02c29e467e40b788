package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.harmwatch.drugchecking.Problem;
import org.harmwatch.platform.InputRanges;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/** Parsing form and JSON text into values, naming the field when it is wrong. */
final class Forms {

	private Forms() {
	}

	static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field, String message,
			List<Problem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(field, message));
			return null;
		}
	}

	static @Nullable BigDecimal number(@Nullable String value, String field, List<Problem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new Problem(field, "Enter a number, like 120 or 12.5."));
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String value, String field, List<Problem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var date = LocalDate.parse(value.strip());
			if (InputRanges.isAccepted(date)) {
				return date;
			}
		}
		catch (DateTimeParseException ex) {
			// said below
		}
		problems.add(new Problem(field, "Enter a date like 2026-07-18."));
		return null;
	}

	/** Adds the problems and their per-field index to the model. */
	static void problems(Model model, List<Problem> problems) {
		var errors = new LinkedHashMap<String, List<String>>();
		for (var problem : problems) {
			errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
		}
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors);
	}

	/** Problems of the checks not already reported for the same field. */
	static void merge(List<Problem> problems, List<Problem> more) {
		more.stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).forEach(problems::add);
	}

}
