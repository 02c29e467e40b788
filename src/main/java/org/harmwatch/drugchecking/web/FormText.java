package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.harmwatch.platform.InputRanges;
import org.jspecify.annotations.Nullable;

/**
 * Reading the text a form or a JSON request sent: each method gives {@code null} for
 * empty text and for text that does not read (a form's {@link Readable} constraint has
 * said so already).
 */
final class FormText {

	private FormText() {
	}

	/** The enum constant named, in any case. */
	static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable BigDecimal number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A date, yyyy-mm-dd, within the years the platform accepts. */
	static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			var date = LocalDate.parse(text.strip());
			return InputRanges.isAccepted(date) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable UUID uuid(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Text that was sent but does not read as the type (not an empty one). */
	static boolean unreadable(@Nullable String text, @Nullable Object read) {
		return text != null && !text.isBlank() && read == null;
	}

	/** The constants' names as a list, e.g. {@code [FESTIVAL, POSTAL]}, for a message. */
	static String names(Class<? extends Enum<?>> type) {
		return Arrays.toString(type.getEnumConstants());
	}

	static List<String> orEmpty(@Nullable List<String> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
	}

}
