package org.harmwatch.hatclinic;

import org.jspecify.annotations.Nullable;

/**
 * Before and after for one cohort (the quarter people were enrolled in) at one follow-up:
 * self-reported crimes in the last 28 days summed at the start and at the follow-up, the
 * mean change per person with its 95 % interval, and the mean days of street heroin use
 * and injecting. Every figure is {@code null} when fewer than five people are in the
 * cell.
 */
public record CohortOutcome(String cohort, Stage stage, boolean suppressed, @Nullable Integer people,
		@Nullable Integer crimesBefore, @Nullable Integer crimesAfter, @Nullable Double meanChange,
		@Nullable Double changeLow, @Nullable Double changeHigh, @Nullable Double heroinDaysBefore,
		@Nullable Double heroinDaysAfter, @Nullable Double injectingDaysBefore, @Nullable Double injectingDaysAfter) {
}
