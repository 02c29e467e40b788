package org.harmwatch.platform.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Reads the period a page or a JSON endpoint is asked for, as two query parameters
 * {@code from} and {@code to}: days (a map, a list) or months (a published table). Each
 * problem is a {@link FieldProblem} on the field, with a platform message code
 * ({@code form.period.*} in messages/platform.properties), so that a page shows it on the
 * form and an API answers 422 with it; the caller collects them with its own.
 *
 * <p>
 * One place for what the awareness page, the overdose live map, the public overdose map
 * and the naloxone coverage map accept: a missing end is {@code today} (or the default
 * length after a given start), a missing start the default length before the end, an end
 * before its start or a period over the maximum is named on {@code to}.
 */
@NamedInterface("forms")
public final class Periods {

	/** Days from and to, both included. */
	public record Days(LocalDate from, LocalDate to) {

		/** The number of days, both ends included. */
		public long length() {
			return ChronoUnit.DAYS.between(from, to) + 1;
		}

	}

	/** Months from and to, both included. */
	public record Months(YearMonth from, YearMonth to) {

	}

	/**
	 * The first year a month may have: published series reach back before the dates staff
	 * enter.
	 */
	public static final int FIRST_MONTH_YEAR = 1990;

	private Periods() {
	}

	/**
	 * The days asked for.
	 * @param defaultDays how many days a period has when a date is missing
	 * @param maxDays the most days a period may have
	 * @return the days, or {@code null} when a problem was added
	 */
	public static @Nullable Days days(@Nullable String from, @Nullable String to, LocalDate today, int defaultDays,
			int maxDays, List<FieldProblem> problems) {
		int before = problems.size();
		var first = date(from, "from", problems);
		var last = date(to, "to", problems);
		if (problems.size() > before) {
			return null;
		}
		if (last == null) {
			last = first == null ? today : first.plusDays(defaultDays - 1L);
		}
		if (first == null) {
			first = last.minusDays(defaultDays - 1L);
		}
		if (last.isBefore(first)) {
			problems.add(FieldProblem.of("to", "form.period.backwards"));
			return null;
		}
		if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
			problems.add(FieldProblem.of("to", "form.period.tooLong", maxDays));
			return null;
		}
		return new Days(first, last);
	}

	/**
	 * The months asked for; when both are missing, the {@code defaultMonths} whole months
	 * before {@code current}.
	 * @return the months, or {@code null} when a problem was added
	 */
	public static @Nullable Months months(@Nullable String from, @Nullable String to, YearMonth current,
			int defaultMonths, int maxMonths, List<FieldProblem> problems) {
		int before = problems.size();
		var first = month(from, "from", problems);
		var last = month(to, "to", problems);
		if (problems.size() > before) {
			return null;
		}
		if (last == null) {
			last = first == null ? current.minusMonths(1) : first.plusMonths(defaultMonths - 1L);
		}
		if (first == null) {
			first = last.minusMonths(defaultMonths - 1L);
		}
		if (last.isBefore(first)) {
			problems.add(FieldProblem.of("to", "form.period.backwards"));
			return null;
		}
		if (first.plusMonths(maxMonths - 1L).isBefore(last)) {
			problems.add(FieldProblem.of("to", "form.period.months.tooLong", maxMonths));
			return null;
		}
		return new Months(first, last);
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
		var value = FormValues.trim(text);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() <= 10) {
				return LocalDate.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "form.period.date.invalid"));
		return null;
	}

	private static @Nullable YearMonth month(@Nullable String text, String field, List<FieldProblem> problems) {
		var value = FormValues.trim(text);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 7) {
				var month = YearMonth.parse(value);
				if (month.getYear() >= FIRST_MONTH_YEAR && month.getYear() <= 2100) {
					return month;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "form.period.month.invalid"));
		return null;
	}

}
