package org.harmwatch.platform.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.platform.InputRanges;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.validation.BindingResult;

/**
 * Reads the text of a form into values, putting a field error on the form (never a 400)
 * when a value does not read.
 *
 * <p>
 * Every reader takes the trimmed text ({@link #trim}), answers {@code null} for no text
 * or for a field that already has an error, and rejects the field with a platform message
 * code ({@code form.value.*} in messages/platform.properties). Dates and months are of
 * the years 2000 to 2200. See docs/adr/0009-one-web-idiom.md.
 */
@NamedInterface("forms")
public final class FormValues {

	/** The first year a date or month may have. */
	public static final int FIRST_YEAR = 2000;

	/** The last year a date or month may have. */
	public static final int LAST_YEAR = 2200;

	private FormValues() {
	}

	/** The text without surrounding white space, or {@code null} when none is left. */
	public static @Nullable String trim(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** One of an enumeration's constants, by its exact name. */
	public static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "form.value.choose");
			return null;
		}
	}

	/** The id of a record chosen from a list. */
	public static @Nullable UUID id(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "form.value.choose");
			return null;
		}
	}

	/** A date as a browser's date field sends it: {@code 2026-12-05}. */
	public static @Nullable LocalDate date(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			var date = LocalDate.parse(value);
			if (!InputRanges.isAccepted(date) || !isAcceptedYear(date.getYear())) {
				result.rejectValue(field, "form.value.date.range", new Object[] { FIRST_YEAR, LAST_YEAR }, null);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "form.value.date.invalid");
			return null;
		}
	}

	/** A month as a browser's month field sends it: {@code 2026-11}. */
	public static @Nullable YearMonth month(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			var month = YearMonth.parse(value);
			if (!isAcceptedYear(month.getYear())) {
				result.rejectValue(field, "form.value.date.range", new Object[] { FIRST_YEAR, LAST_YEAR }, null);
				return null;
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "form.value.month.invalid");
			return null;
		}
	}

	/** A time of day as a browser's time field sends it: {@code 21:30}. */
	public static @Nullable LocalTime time(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "form.value.time.invalid");
			return null;
		}
	}

	/** A whole number from {@code min} to {@code max}. */
	public static @Nullable Integer number(@Nullable String value, String field, int min, int max,
			BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				result.rejectValue(field, "form.value.number.range", new Object[] { min, max }, null);
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			result.rejectValue(field, "form.value.number.invalid", new Object[] { min, max }, null);
			return null;
		}
	}

	/** A latitude in degrees, from -90 to 90. */
	public static @Nullable Double latitude(@Nullable String value, String field, BindingResult result) {
		return coordinate(value, field, 90, "form.value.latitude.invalid", result);
	}

	/** A longitude in degrees, from -180 to 180. */
	public static @Nullable Double longitude(@Nullable String value, String field, BindingResult result) {
		return coordinate(value, field, 180, "form.value.longitude.invalid", result);
	}

	private static @Nullable Double coordinate(@Nullable String value, String field, double limit, String code,
			BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
			if (Double.isFinite(number) && Math.abs(number) <= limit) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// rejected below
		}
		result.rejectValue(field, code);
		return null;
	}

	/** The options of an enumeration for a select or radios: value to message key. */
	public static <E extends Enum<E>> Map<String, String> options(Class<E> type, String prefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : type.getEnumConstants()) {
			options.put(value.name(), prefix + value.name());
		}
		return options;
	}

	private static boolean isAcceptedYear(int year) {
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

}
