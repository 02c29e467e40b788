package org.harmwatch.awareness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * What the situational-awareness page shows.
 *
 * @param from first day (in the region's time zone)
 * @param to last day
 * @param ladCode one local authority district, or {@code null} for the whole region
 * @param substanceClass a class of the vocabulary's class tree: events of it or of any
 * class below it ({@code OPIOID} takes in nitazenes and fentanyls); {@code null} for any
 * @param level the areas counted and tested for hotspots: wards or LSOAs
 */
public record AwarenessFilter(LocalDate from, LocalDate to, @Nullable String ladCode,
		@Nullable SubstanceClass substanceClass, AreaLevel level) {

	/** The longest period the page covers, in days. */
	public static final int MAX_DAYS = 366;

	public AwarenessFilter {
		if (level != AreaLevel.WARD && level != AreaLevel.LSOA) {
			throw new IllegalArgumentException("The page counts wards or LSOAs, not " + level);
		}
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new IllegalArgumentException("The page covers 1 to " + MAX_DAYS + " days, not " + from + " to " + to);
		}
	}

	/**
	 * Whether an event of this class (or of none, when {@code null}) passes the filter.
	 */
	public boolean admits(@Nullable SubstanceClass eventClass) {
		return substanceClass == null || (eventClass != null && eventClass.isA(substanceClass));
	}

}
