package org.harmwatch.custodytesting.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

/** Reading the custody testing forms' text: each problem named for its field. */
final class FormValues {

	private FormValues() {
	}

	static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		var name = text.toUpperCase(Locale.ROOT);
		var found = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
		if (found.isEmpty()) {
			problems.add(FieldProblem.of(field, "custodytesting.choice.invalid"));
			return null;
		}
		return found.get();
	}

	/** A local date and time as a browser's {@code datetime-local} sends it. */
	static @Nullable LocalDateTime localTime(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() <= 25) {
				var time = LocalDateTime.parse(text.replace(' ', 'T'));
				if (time.getYear() >= 1990 && time.getYear() <= 2100) {
					return time;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "custodytesting.time.invalid"));
		return null;
	}

	static @Nullable LocalDate date(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				var date = LocalDate.parse(text);
				if (date.getYear() >= 1990 && date.getYear() <= 2100) {
					return date;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "custodytesting.date.invalid"));
		return null;
	}

	static YearMonth month(@Nullable String value, YearMonth otherwise, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return otherwise;
		}
		try {
			if (text.length() == 7) {
				var month = YearMonth.parse(text);
				if (month.getYear() >= 1990 && month.getYear() <= 2100) {
					return month;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "custodytesting.month.invalid"));
		return otherwise;
	}

	static int page(@Nullable String value) {
		var text = text(value);
		if (text == null || text.length() > 6) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(text));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	static UUID id(String value, String notFoundCode) {
		try {
			if (value.length() == 36) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException ex) {
			// not found below
		}
		throw new NotFoundException(notFoundCode, value);
	}

	static Map<String, String> options(Enum<?>[] values, String prefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : values) {
			options.put(value.name(), prefix + value.name());
		}
		return options;
	}

}
