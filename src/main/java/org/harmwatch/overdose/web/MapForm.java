package org.harmwatch.overdose.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.overdose.MapFilter;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.web.Periods;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * The live map's filter as typed in the address (the page's form and the JSON endpoint
 * take the same parameters); every part optional.
 */
record MapForm(@Nullable String from, @Nullable String to, @Nullable String ladCode, @Nullable String fatal,
		@Nullable String substanceClass, @Nullable String level, @Nullable String interval) {

	/** The days shown when no dates are given (the last four weeks). */
	static final int DEFAULT_DAYS = 28;

	static MapForm empty() {
		return new MapForm(null, null, null, null, null, null, null);
	}

	/**
	 * The filter asked for; the last four weeks to {@code today} when no dates are given.
	 * @throws InputRejectedException naming each part that is wrong
	 */
	MapFilter filter(LocalDate today, Set<String> districts) {
		var problems = new ArrayList<FieldProblem>();
		var period = Periods.days(from, to, today, DEFAULT_DAYS, MapFilter.MAX_DAYS, problems);
		var lad = Parsing.text(ladCode);
		if (lad != null && !districts.contains(lad)) {
			problems.add(FieldProblem.of("ladCode", "overdose.choice.invalid"));
		}
		var onlyFatal = Parsing.text(fatal);
		if (onlyFatal != null && !onlyFatal.equals("true") && !onlyFatal.equals("false")) {
			problems.add(FieldProblem.of("fatal", "overdose.choice.invalid"));
		}
		var chosenClass = Parsing.constant(SubstanceClass.class, substanceClass, "substanceClass", problems);
		var chosenLevel = Parsing.text(level) == null ? AreaLevel.WARD
				: AreaLevel.fromUrlName(Parsing.text(level))
					.filter(l -> l == AreaLevel.WARD || l == AreaLevel.LSOA)
					.orElse(null);
		if (chosenLevel == null) {
			problems.add(FieldProblem.of("level", "overdose.choice.invalid"));
		}
		var chosenInterval = Parsing.constant(MapFilter.Interval.class, interval, "interval", problems);
		if (!problems.isEmpty() || period == null || chosenLevel == null) {
			throw new InputRejectedException(problems);
		}
		return new MapFilter(period.from(), period.to(), lad, onlyFatal == null ? null : Boolean.valueOf(onlyFatal),
				chosenClass, chosenLevel, chosenInterval == null ? MapFilter.Interval.DAY : chosenInterval);
	}

}
