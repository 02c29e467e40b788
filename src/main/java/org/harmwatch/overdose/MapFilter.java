package org.harmwatch.overdose;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents the live map and the epidemic curve show, and how.
 *
 * @param from first day (in the region's time zone)
 * @param to last day
 * @param ladCode the district, or {@code null} for the whole region
 * @param fatal fatal only (true) or non-fatal only (false)
 * @param substanceClass a class (and every class below it), or {@code null} for any
 * @param level the areas counted: wards or LSOAs
 * @param interval the curve's bars: days or weeks (Monday to Sunday)
 */
public record MapFilter(LocalDate from, LocalDate to, @Nullable String ladCode, @Nullable Boolean fatal,
		@Nullable SubstanceClass substanceClass, AreaLevel level, Interval interval) {

	/** The longest period a map or curve covers, in days. */
	public static final int MAX_DAYS = 3 * 366;

	/** The bars of an epidemic curve. */
	public enum Interval {

		DAY, WEEK

	}

	public MapFilter {
		if (level != AreaLevel.WARD && level != AreaLevel.LSOA) {
			throw new IllegalArgumentException("A map counts wards or LSOAs, not " + level);
		}
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new IllegalArgumentException("A map covers 1 to " + MAX_DAYS + " days, not " + from + " to " + to);
		}
	}

}
