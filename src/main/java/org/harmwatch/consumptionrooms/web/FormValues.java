package org.harmwatch.consumptionrooms.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.platform.InputRanges;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * Reads the text of consumption rooms' forms into values, putting a field error on the
 * form (never a 400) when a value does not read.
 */
final class FormValues {

	private FormValues() {
	}

	static @Nullable String trim(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "consumptionrooms.form.choose");
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			var date = LocalDate.parse(value);
			if (date.getYear() < 2000 || !InputRanges.isAccepted(date) || date.getYear() > 2200) {
				result.rejectValue(field, "consumptionrooms.form.date.range");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "consumptionrooms.form.date.invalid");
			return null;
		}
	}

	static @Nullable YearMonth month(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			var month = YearMonth.parse(value);
			if (month.getYear() < 2000 || month.getYear() > 2200) {
				result.rejectValue(field, "consumptionrooms.form.date.range");
				return null;
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "consumptionrooms.form.month.invalid");
			return null;
		}
	}

	static @Nullable LocalTime time(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "consumptionrooms.form.time.invalid");
			return null;
		}
	}

	static @Nullable Integer number(@Nullable String value, String field, int min, int max, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				result.rejectValue(field, "consumptionrooms.form.number.range", new Object[] { min, max }, null);
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			result.rejectValue(field, "consumptionrooms.form.number.invalid", new Object[] { min, max }, null);
			return null;
		}
	}

	static @Nullable Double coordinate(@Nullable String value, String field, double limit, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
			if (!Double.isFinite(number) || Math.abs(number) > limit) {
				result.rejectValue(field, "consumptionrooms.form." + field + ".invalid");
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			result.rejectValue(field, "consumptionrooms.form." + field + ".invalid");
			return null;
		}
	}

	static @Nullable UUID id(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "consumptionrooms.form.choose");
			return null;
		}
	}

	/** The options of an enumeration for a select or radios: value to message key. */
	static <E extends Enum<E>> Map<String, String> options(Class<E> type, String prefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : type.getEnumConstants()) {
			options.put(value.name(), prefix + value.name());
		}
		return options;
	}

}
