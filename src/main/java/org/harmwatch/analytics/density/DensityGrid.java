package org.harmwatch.analytics.density;

/**
 * Kernel density values at the cell centres of a grid.
 *
 * <p>
 * {@code intensity} is the weighted kernel sum, events per unit area
 * ({@code sum_i w_i K(d_i)}); {@code density} is intensity divided by the total weight (n
 * for unweighted events), which integrates to 1 over the plane. With no events (or zero
 * total weight) both are 0 everywhere. Values are stored row by row, bottom row first,
 * west to east: index {@code row * columns + col}. Immutable; arrays handed out are
 * copies.
 */
public final class DensityGrid {

	private final GridSpec grid;

	private final double[] intensity;

	private final double totalWeight;

	DensityGrid(GridSpec grid, double[] intensity, double totalWeight) {
		this.grid = grid;
		this.intensity = intensity;
		this.totalWeight = totalWeight;
	}

	/** The grid. */
	public GridSpec grid() {
		return grid;
	}

	/** The total weight of the events (their number when unweighted). */
	public double totalWeight() {
		return totalWeight;
	}

	/** The intensity (events per unit area) at the centre of cell (col, row). */
	public double intensity(int col, int row) {
		return intensity[index(col, row)];
	}

	/**
	 * The density (intensity divided by the total weight) at the centre of cell (col,
	 * row).
	 */
	public double density(int col, int row) {
		return totalWeight > 0 ? intensity[index(col, row)] / totalWeight : 0.0;
	}

	/** All intensities, row by row from the bottom. */
	public double[] intensities() {
		return intensity.clone();
	}

	/** All densities, row by row from the bottom. */
	public double[] densities() {
		double[] density = new double[intensity.length];
		if (totalWeight > 0) {
			for (int i = 0; i < density.length; i++) {
				density[i] = intensity[i] / totalWeight;
			}
		}
		return density;
	}

	/** The largest intensity on the grid. */
	public double maxIntensity() {
		double max = 0;
		for (double v : intensity) {
			max = Math.max(max, v);
		}
		return max;
	}

	private int index(int col, int row) {
		if (col < 0 || col >= grid.columns() || row < 0 || row >= grid.rows()) {
			throw new IndexOutOfBoundsException(
					"cell (" + col + ", " + row + ") is outside " + grid.columns() + " x " + grid.rows());
		}
		return row * grid.columns() + col;
	}

}
