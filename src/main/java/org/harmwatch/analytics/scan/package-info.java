/**
 * Kulldorff's space-time permutation scan statistic, retrospective and prospective, with
 * Monte Carlo p-values and secondary clusters, reading SaTScan's case
 * ({@code loc,date,count}) and coordinates ({@code loc,x,y}) files.
 *
 * <p>
 * Plain Java: no Spring. The Monte Carlo replications run on the fork-join pool the scan
 * is called from (the analytics executor's, for the application; else the common pool)
 * and are reproducible for a given seed whatever the number of threads.
 */
@NullMarked
@NamedInterface("scan")
package org.harmwatch.analytics.scan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
