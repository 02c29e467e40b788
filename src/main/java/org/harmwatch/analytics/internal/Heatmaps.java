package org.harmwatch.analytics.internal;

import java.util.Locale;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.Heatmap;
import org.harmwatch.analytics.HeatmapQuery;
import org.harmwatch.analytics.density.GridSpec;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.density.KernelDensity;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.GeographyManagement;
import org.springframework.stereotype.Component;

/**
 * Heatmaps: points smoothed into events per square kilometre on a grid over the asked
 * bounds (the region's by default), refused with a clear reason when the grid or the
 * kernel evaluations would be too much for one request.
 */
@Component
public class Heatmaps {

	private final GeographyManagement geography;

	private final AnalyticsLimits limits;

	Heatmaps(GeographyManagement geography, AnalyticsLimits limits) {
		this.geography = geography;
		this.limits = limits;
	}

	/** The heatmap asked for, after checking its size and the work it costs. */
	public Heatmap compute(HeatmapQuery query) {
		if (query.points().size() > AnalyticsManagement.MAX_POINTS) {
			throw new AnalyticsRequestException("points",
					"At most " + AnalyticsManagement.MAX_POINTS + " points per heatmap.");
		}
		if (!(query.bandwidthMetres() > 0) || !Double.isFinite(query.bandwidthMetres())) {
			throw new AnalyticsRequestException("bandwidthMetres", "The bandwidth must be above 0 metres.");
		}
		if (!(query.cellMetres() > 0) || !Double.isFinite(query.cellMetres())) {
			throw new AnalyticsRequestException("cellMetres", "The cell size must be above 0 metres.");
		}
		var bounds = query.bounds() != null ? query.bounds() : geography.bounds()
			.orElseThrow(
					() -> new AnalyticsRequestException("bounds", "No region is loaded; give the bounds of the grid."));
		if (!(bounds.north() > bounds.south() && bounds.east() > bounds.west())) {
			throw new AnalyticsRequestException("bounds",
					"The bounds must have north above south and east above west.");
		}
		if (!(bounds.south() >= -90 && bounds.north() <= 90 && bounds.west() >= -180 && bounds.east() <= 180)) {
			throw new AnalyticsRequestException("bounds",
					"The bounds must be latitudes from -90 to 90 and longitudes from -180 to 180.");
		}
		var projection = new LocalProjection((bounds.south() + bounds.north()) / 2,
				(bounds.west() + bounds.east()) / 2);
		double xmin = projection.x(bounds.west());
		double xmax = projection.x(bounds.east());
		double ymin = projection.y(bounds.south());
		double ymax = projection.y(bounds.north());
		double columns = Math.ceil((xmax - xmin) / query.cellMetres());
		double rows = Math.ceil((ymax - ymin) / query.cellMetres());
		if (columns * rows > AnalyticsManagement.MAX_HEATMAP_CELLS) {
			throw new AnalyticsRequestException("cellMetres",
					"That would be " + (long) (columns * rows) + " cells; at most "
							+ AnalyticsManagement.MAX_HEATMAP_CELLS + ". Choose larger cells or smaller bounds.");
		}
		var grid = GridSpec.ofCellSize(xmin, xmax, ymin, ymax, query.cellMetres());
		int n = query.points().size();
		long work = heatmapWork(n, grid, query.kernel(), query.bandwidthMetres());
		if (work > limits.maxHeatmapWork()) {
			throw new AnalyticsRequestException("points", String.format(Locale.ENGLISH,
					"This heatmap is too much work: %,d points, each reaching up to %,d cells within the bandwidth, make "
							+ "%,d kernel evaluations; at most %,d are allowed in one request. Use fewer points, larger "
							+ "cells, a smaller bandwidth or smaller bounds.",
					n, n == 0 ? 0 : work / n, work, limits.maxHeatmapWork()));
		}
		double[] x = new double[n];
		double[] y = new double[n];
		double[] w = new double[n];
		for (int i = 0; i < n; i++) {
			var point = query.points().get(i);
			if (!(point.weight() >= 0) || !Double.isFinite(point.weight())) {
				throw new AnalyticsRequestException("points[" + i + "].weight", "A weight must be 0 or more.");
			}
			x[i] = projection.x(point.lon());
			y[i] = projection.y(point.lat());
			w[i] = point.weight();
		}
		var density = KernelDensity.of(query.kernel(), query.bandwidthMetres()).estimate(x, y, w, grid);
		double[] perKm2 = density.intensities();
		double max = 0;
		for (int i = 0; i < perKm2.length; i++) {
			perKm2[i] *= 1_000_000; // per square metre to per square kilometre
			max = Math.max(max, perKm2[i]);
		}
		var extent = new Bounds(projection.lat(grid.ymin()), projection.lon(grid.xmin()), projection.lat(grid.ymax()),
				projection.lon(grid.xmax()));
		return new Heatmap(extent, grid.columns(), grid.rows(), query.cellMetres(), query.kernel(),
				query.bandwidthMetres(), perKm2, max);
	}

	/**
	 * The kernel evaluations a heatmap costs, an upper bound known before any is made:
	 * each point visits the cells of the square around it whose side is twice the
	 * kernel's reach (its bandwidth, or {@link KernelDensity#DEFAULT_GAUSSIAN_TRUNCATION}
	 * bandwidths for the Gaussian), cut to the grid.
	 */
	static long heatmapWork(int points, GridSpec grid, Kernel kernel, double bandwidthMetres) {
		double reach = kernel.isCompact() ? bandwidthMetres
				: KernelDensity.DEFAULT_GAUSSIAN_TRUNCATION * bandwidthMetres;
		long columns = (long) Math.min(grid.columns(), Math.floor(2 * reach / grid.cellWidth()) + 1);
		long rows = (long) Math.min(grid.rows(), Math.floor(2 * reach / grid.cellHeight()) + 1);
		double work = (double) points * columns * rows;
		return work >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) work;
	}

}
