package org.harmwatch.analytics;

import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.geography.AreaLevel;
import org.jspecify.annotations.Nullable;

/**
 * Which areas to test for hotspots, with what values and what neighbourhoods.
 *
 * @param level the level of the areas, e.g. LSOA
 * @param ladCode only the areas of this local authority; {@code null} for the whole
 * region
 * @param values a value (count, rate) per area code; areas not named count as 0
 * @param weights how neighbourhoods are drawn
 * @param k for {@link Weights#K_NEAREST}, the number of nearest other areas
 * @param distanceMetres for {@link Weights#DISTANCE_BAND}, the band between area
 * centroids, in metres
 * @param permutations conditional permutations for pseudo p-values (0 for none; needed by
 * the permutation kinds)
 * @param alpha significance level, or false discovery rate for the FDR kinds
 * @param significance which p-values decide hot and cold
 * @param locations places the caller supplies instead of the region's areas
 * ({@code level} and {@code ladCode} are then ignored and {@code values} are keyed by
 * their ids); null for the region's areas
 */
public record HotspotQuery(AreaLevel level, @Nullable String ladCode, Map<String, Double> values, Weights weights,
		int k, double distanceMetres, int permutations, double alpha, Significance significance,
		@Nullable List<SuppliedLocation> locations) {

	/** Over the region's areas. */
	public HotspotQuery(AreaLevel level, @Nullable String ladCode, Map<String, Double> values, Weights weights, int k,
			double distanceMetres, int permutations, double alpha, Significance significance) {
		this(level, ladCode, values, weights, k, distanceMetres, permutations, alpha, significance, null);
	}

	/**
	 * How the neighbourhood of each area is drawn; the area itself is always in it (Gi*).
	 */
	public enum Weights {

		/**
		 * Areas whose boundaries touch (queen contiguity on the real polygons); not for
		 * supplied locations, which have no boundaries.
		 */
		CONTIGUITY,

		/** The k nearest other areas by centroid. */
		K_NEAREST,

		/** Every area whose centroid lies within the distance band. */
		DISTANCE_BAND

	}

}
