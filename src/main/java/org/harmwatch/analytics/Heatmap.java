package org.harmwatch.analytics;

import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.geography.Bounds;

/**
 * A heatmap grid: events per square kilometre at the centre of each cell.
 *
 * @param bounds the grid's extent
 * @param columns cells west to east
 * @param rows cells south to north
 * @param cellMetres side of a cell
 * @param kernel the kernel used
 * @param bandwidthMetres the bandwidth used
 * @param perKm2 intensity per cell, row-major from the south-west corner (row 0 is the
 * southernmost)
 * @param max the largest value
 */
public record Heatmap(Bounds bounds, int columns, int rows, double cellMetres, Kernel kernel, double bandwidthMetres,
		double[] perKm2, double max) {

}
