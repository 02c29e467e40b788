/**
 * Getis-Ord Gi* local hotspot statistics over areas or grid cells, with the spatial
 * weights they need.
 *
 * <p>
 * {@link org.harmwatch.analytics.hotspot.SpatialWeights} builds neighbour lists (k
 * nearest, distance band, queen or rook contiguity of polygons, or given edges);
 * {@link org.harmwatch.analytics.hotspot.GetisOrdGiStar} computes z-scores, normal and
 * permutation p-values; {@link org.harmwatch.analytics.hotspot.FalseDiscoveryRate}
 * adjusts them with Benjamini-Hochberg so that a map does not light up by chance. The
 * conventions are those of R {@code spdep::localG} and ArcGIS Hot Spot Analysis, checked
 * against spdep in the tests. Plain Java: no Spring, no I/O.
 */
@NullMarked
@NamedInterface("hotspot")
package org.harmwatch.analytics.hotspot;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
