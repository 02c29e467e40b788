package org.harmwatch.awareness.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.harmwatch.awareness.AwarenessFilter;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.web.Periods;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * The page's filter as typed: every field text, so that a wrong value is named rather
 * than refused by binding.
 *
 * @param page the page of the event list (from 1)
 */
record AwarenessForm(@Nullable String from, @Nullable String to, @Nullable String ladCode,
		@Nullable String substanceClass, @Nullable String level, @Nullable String page) {

	/** The days shown when no dates are given (the last four weeks). */
	static final int DEFAULT_DAYS = 28;

	/**
	 * The filter asked for; the last four weeks to {@code today} when no dates are given.
	 * @throws InputRejectedException naming each part that is wrong
	 */
	AwarenessFilter filter(LocalDate today, Set<String> districts) {
		var problems = new ArrayList<FieldProblem>();
		var period = Periods.days(from, to, today, DEFAULT_DAYS, AwarenessFilter.MAX_DAYS, problems);
		var lad = text(ladCode);
		if (lad != null && !districts.contains(lad)) {
			problems.add(FieldProblem.of("ladCode", "awareness.choice.invalid"));
		}
		SubstanceClass chosenClass = null;
		var className = text(substanceClass);
		if (className != null) {
			var name = className.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			chosenClass = Arrays.stream(SubstanceClass.values())
				.filter(c -> c.name().equals(name))
				.findFirst()
				.orElse(null);
			if (chosenClass == null) {
				problems.add(FieldProblem.of("substanceClass", "awareness.choice.invalid"));
			}
		}
		var chosenLevel = text(level) == null ? AreaLevel.WARD
				: AreaLevel.fromUrlName(text(level))
					.filter(l -> l == AreaLevel.WARD || l == AreaLevel.LSOA)
					.orElse(null);
		if (chosenLevel == null) {
			problems.add(FieldProblem.of("level", "awareness.choice.invalid"));
		}
		if (!problems.isEmpty() || period == null || chosenLevel == null) {
			throw new InputRejectedException(problems);
		}
		return new AwarenessFilter(period.from(), period.to(), lad, chosenClass, chosenLevel);
	}

	/** The page of the event list asked for: 1 when missing or not a number from 1. */
	int pageNumber() {
		var text = text(page);
		if (text == null || !text.matches("\\d{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(text));
	}

	private static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
