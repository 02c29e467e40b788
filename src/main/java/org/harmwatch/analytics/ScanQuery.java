package org.harmwatch.analytics;

import java.time.LocalDate;
import java.util.List;

import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.geography.AreaLevel;
import org.jspecify.annotations.Nullable;

/**
 * Cases per place and day for Kulldorff's space-time permutation scan; the places are the
 * region's areas of a level (their centroids) or locations the request supplies.
 *
 * @param level the level of the areas named in {@code cases}; ignored when
 * {@code locations} are given
 * @param locations the places the cases name, instead of the region's areas (null: the
 * areas of {@code level})
 * @param cases counts per place and day
 * @param prospective only clusters still going on the last day (for surveillance), else
 * every window
 * @param maxDays the longest cluster in days
 * @param maxShareOfLocations the largest circle, as a share of the places
 * @param maxShareOfCases the largest circle, as a share of all cases (SaTScan's default
 * limit for this model; 1 for none)
 * @param maxClusters the most clusters returned
 * @param secondaryClusters which secondary clusters are kept (SaTScan 10.2's rule or the
 * older one)
 * @param reportPValueOne whether clusters with p = 1 are returned too
 * @param replications Monte Carlo replications (999 is the standard)
 * @param seed random seed, so a result can be reproduced
 */
public record ScanQuery(@Nullable AreaLevel level, @Nullable List<SuppliedLocation> locations, List<AreaDayCount> cases,
		boolean prospective, int maxDays, double maxShareOfLocations, double maxShareOfCases, int maxClusters,
		ScanOptions.SecondaryClusters secondaryClusters, boolean reportPValueOne, int replications, long seed) {

	/** Cases in one place on one day. */
	public record AreaDayCount(String area, LocalDate day, int count) {
	}

}
