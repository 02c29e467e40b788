package org.harmwatch.analytics;

import java.time.LocalDate;
import java.util.List;

import org.harmwatch.geography.AreaLevel;

/**
 * Cases per area and day for Kulldorff's space-time permutation scan; locations are the
 * areas' centroids.
 *
 * @param level the level of the areas named in {@code cases}
 * @param cases counts per area and day
 * @param prospective only clusters still going on the last day (for surveillance), else
 * every window
 * @param maxDays the longest cluster in days
 * @param maxShareOfLocations the largest circle, as a share of the areas
 * @param replications Monte Carlo replications (999 is the standard)
 * @param seed random seed, so a result can be reproduced
 */
public record ScanQuery(AreaLevel level, List<AreaDayCount> cases, boolean prospective, int maxDays,
		double maxShareOfLocations, int replications, long seed) {

	/** Cases in one area on one day. */
	public record AreaDayCount(String area, LocalDate day, int count) {
	}

}
