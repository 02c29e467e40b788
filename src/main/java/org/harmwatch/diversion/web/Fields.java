package org.harmwatch.diversion.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reading what the diversion forms send: each value that cannot be read becomes a
 * {@link FieldProblem} for its field, so that every problem is named at once.
 */
final class Fields {

	private Fields() {
	}

	static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A required choice of an enum. */
	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> problems, boolean required) {
		var text = text(value);
		if (text == null) {
			if (required) {
				problems.add(FieldProblem.of(field, "diversion.choice.required"));
			}
			return null;
		}
		var found = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst();
		if (found.isEmpty()) {
			problems.add(FieldProblem.of(field, "diversion.choice.invalid"));
			return null;
		}
		return found.get();
	}

	/** Several choices of an enum, in the order sent. */
	static <E extends Enum<E>> List<E> choices(Class<E> type, @Nullable List<String> values, String field,
			List<FieldProblem> problems) {
		var chosen = new ArrayList<E>();
		if (values == null) {
			return chosen;
		}
		for (var value : values) {
			var one = choice(type, value, field, problems, false);
			if (one != null) {
				chosen.add(one);
			}
		}
		return chosen;
	}

	static @Nullable Integer number(@Nullable String value, int min, int max, String field, String code,
			List<FieldProblem> problems) {
		var text = text(value);
		if (text != null && text.length() <= 12) {
			try {
				int number = Integer.parseInt(text);
				if (number >= min && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// named below
			}
		}
		problems.add(FieldProblem.of(field, code, min, max));
		return null;
	}

	static @Nullable Long longNumber(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.length() > 20 ? "x" : text);
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of(field, "diversion.seed.invalid"));
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			problems.add(FieldProblem.of(field, "diversion.date.required"));
			return null;
		}
		try {
			if (text.length() == 10) {
				var date = LocalDate.parse(text);
				if (date.getYear() >= 2000 && date.getYear() <= 2100) {
					return date;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "diversion.date.invalid"));
		return null;
	}

	static @Nullable Boolean yesNo(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if ("true".equals(text)) {
			return true;
		}
		if ("false".equals(text)) {
			return false;
		}
		problems.add(FieldProblem.of(field, "diversion.choice.required"));
		return null;
	}

	static @Nullable UUID id(@Nullable String value) {
		var text = text(value);
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static Map<String, String> options(Enum<?>[] values, String prefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : values) {
			options.put(value.name(), prefix + value.name());
		}
		return options;
	}

	static Map<String, String> yesNoOptions() {
		var options = new LinkedHashMap<String, String>();
		options.put("true", "diversion.yes");
		options.put("false", "diversion.no");
		return options;
	}

	static String lowerCase(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
