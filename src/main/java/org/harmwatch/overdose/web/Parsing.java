package org.harmwatch.overdose.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.AgencyType;
import org.jspecify.annotations.Nullable;

/**
 * Reading the text the form and the API send: enum names, numbers and local times, each
 * failure a {@link FieldProblem} for the field, so that every problem is named at once.
 */
final class Parsing {

	/** A text that could not be read. */
	static final class Unreadable extends Exception {

		Unreadable() {
			super(null, null, false, false);
		}

	}

	private Parsing() {
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
		var name = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		var found = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
		if (found.isEmpty()) {
			problems.add(FieldProblem.of(field, "overdose.choice.invalid"));
			return null;
		}
		return found.get();
	}

	static @Nullable Integer integer(@Nullable String value, int min, int max, String field, String code,
			List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(text);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, code, max));
		return null;
	}

	static @Nullable Double decimal(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(text);
			if (Double.isFinite(number) && text.length() <= 30) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "overdose.location.invalid"));
		return null;
	}

	/**
	 * A local date and time as a browser's {@code datetime-local} sends it, or with a
	 * space: {@code 2026-12-05T21:30}, {@code 2026-12-05 21:30:00}.
	 */
	static @Nullable LocalDateTime localTime(@Nullable String value, String field, List<FieldProblem> problems) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.length() > 40 ? "" : text.replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "overdose.occurredAt.invalid"));
			return null;
		}
	}

	/**
	 * Who most likely gave naloxone when the recorder does not say: their agency's kind.
	 */
	static NaloxoneGiver giverOf(AgencyType type) {
		return switch (type) {
			case POLICE_FORCE -> NaloxoneGiver.POLICE;
			case AMBULANCE_SERVICE -> NaloxoneGiver.PARAMEDIC;
			case PROBATION, COUNCIL_PUBLIC_HEALTH, COUNCIL_ENVIRONMENTAL_SERVICES, COMMISSIONERS_OFFICE ->
				NaloxoneGiver.OTHER;
			default -> NaloxoneGiver.STAFF;
		};
	}

	/**
	 * The agency whose kit was used, when the recorder's own staff gave it: a police
	 * officer recording what a police officer gave, a paramedic what a paramedic gave,
	 * staff what staff gave. Otherwise not known.
	 */
	static @Nullable String holderOf(NaloxoneGiver givenBy, HarmwatchUser recorder) {
		return givenBy != NaloxoneGiver.PEER && givenBy != NaloxoneGiver.OTHER
				&& givenBy == giverOf(recorder.agencyType()) ? recorder.agencyCode() : null;
	}

}
