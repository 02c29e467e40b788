package org.harmwatch.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * A space-time cluster: the most likely one has rank 1; a secondary one overlaps no more
 * likely one in space and time (or, by the older rule, in space).
 *
 * @param rank 1 for the most likely cluster
 * @param centreCode the area at the centre of the circle
 * @param centreName its name
 * @param areaCodes the areas in the circle, nearest first
 * @param radiusMetres distance from the centre to the farthest area in it
 * @param start first day
 * @param end last day
 * @param observed cases in the cluster
 * @param expected cases expected with no space-time interaction
 * @param logLikelihoodRatio the test statistic
 * @param pValue Monte Carlo p-value
 */
public record ScanCluster(int rank, String centreCode, String centreName, List<String> areaCodes, double radiusMetres,
		LocalDate start, LocalDate end, long observed, double expected, double logLikelihoodRatio, double pValue) {

}
