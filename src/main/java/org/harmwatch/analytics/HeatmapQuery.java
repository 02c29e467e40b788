package org.harmwatch.analytics;

import java.util.List;

import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.geography.Bounds;
import org.jspecify.annotations.Nullable;

/**
 * Points to smooth into a heatmap.
 *
 * @param points the events
 * @param kernel the kernel (quartic is the QGIS and ArcGIS default)
 * @param bandwidthMetres the bandwidth h in metres (the support radius of quartic and
 * Epanechnikov, the standard deviation of Gaussian)
 * @param cellMetres the side of a grid cell in metres
 * @param bounds the extent of the grid; {@code null} for the whole region
 */
public record HeatmapQuery(List<WeightedPoint> points, Kernel kernel, double bandwidthMetres, double cellMetres,
		@Nullable Bounds bounds) {

}
