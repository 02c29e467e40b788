/**
 * The surveillance analytics engine: hotspots (Getis-Ord Gi*), kernel density heatmaps,
 * temporal aberration detection (EARS, CUSUM, Farrington) and the space-time permutation
 * scan.
 *
 * <p>
 * The algorithms are plain Java with no Spring inside, checked against R spdep, R
 * surveillance, spatstat and scikit-learn. Other modules (overdose, early warning,
 * consumption rooms) and the map pages call them.
 */
@NullMarked
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "shared", "platform", "geography" })
package org.harmwatch.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
