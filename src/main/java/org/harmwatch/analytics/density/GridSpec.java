package org.harmwatch.analytics.density;

/**
 * A regular grid of rectangular cells; values belong to cell centres.
 *
 * <p>
 * Cell {@code (col, row)} spans
 * {@code [xmin + col * cellWidth, xmin + (col + 1) * cellWidth)} and likewise in y, and
 * its centre is
 * {@code (xmin + (col + 0.5) * cellWidth, ymin + (row + 0.5) * cellHeight)}, with
 * {@code col} in {@code 0..columns-1} and {@code row} in {@code 0..rows-1} counted from
 * the bottom (the smallest y). Coordinates are planar (projected) units, the same as the
 * events'.
 *
 * @param xmin the west edge
 * @param ymin the south edge
 * @param cellWidth the width of a cell, positive
 * @param cellHeight the height of a cell, positive
 * @param columns the number of columns, positive
 * @param rows the number of rows, positive
 */
public record GridSpec(double xmin, double ymin, double cellWidth, double cellHeight, int columns, int rows) {

	public GridSpec {
		if (!Double.isFinite(xmin) || !Double.isFinite(ymin)) {
			throw new IllegalArgumentException("the grid origin must be finite, but was (" + xmin + ", " + ymin + ")");
		}
		if (!(cellWidth > 0) || !(cellHeight > 0) || Double.isInfinite(cellWidth) || Double.isInfinite(cellHeight)) {
			throw new IllegalArgumentException(
					"cell width and height must be finite and positive, but were " + cellWidth + " and " + cellHeight);
		}
		if (columns < 1 || rows < 1) {
			throw new IllegalArgumentException("a grid needs at least one column and one row, but had " + columns
					+ " columns and " + rows + " rows");
		}
		if ((long) columns * rows > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a grid of " + columns + " x " + rows + " cells is too large");
		}
	}

	/**
	 * The extent split into {@code columns x rows} equal cells.
	 * @param xmin the west edge
	 * @param xmax the east edge, greater than xmin
	 * @param ymin the south edge
	 * @param ymax the north edge, greater than ymin
	 * @param columns the number of columns
	 * @param rows the number of rows
	 * @return the grid
	 */
	public static GridSpec ofExtent(double xmin, double xmax, double ymin, double ymax, int columns, int rows) {
		if (columns < 1 || rows < 1) {
			throw new IllegalArgumentException("a grid needs at least one column and one row, but had " + columns
					+ " columns and " + rows + " rows");
		}
		return new GridSpec(xmin, ymin, (xmax - xmin) / columns, (ymax - ymin) / rows, columns, rows);
	}

	/**
	 * Square cells of side {@code cell} from {@code (xmin, ymin)}, as many as cover the
	 * extent (the east and north edges are rounded up to whole cells).
	 * @param xmin the west edge
	 * @param xmax the east edge, greater than xmin
	 * @param ymin the south edge
	 * @param ymax the north edge, greater than ymin
	 * @param cell the side of a cell, positive
	 * @return the grid
	 */
	public static GridSpec ofCellSize(double xmin, double xmax, double ymin, double ymax, double cell) {
		if (!(cell > 0) || !(xmax > xmin) || !(ymax > ymin)) {
			throw new IllegalArgumentException("need xmax > xmin, ymax > ymin and a positive cell size, but had x "
					+ xmin + ".." + xmax + ", y " + ymin + ".." + ymax + ", cell " + cell);
		}
		double columns = Math.max(1, Math.ceil((xmax - xmin) / cell));
		double rows = Math.max(1, Math.ceil((ymax - ymin) / cell));
		if (columns * rows > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					"cells of " + cell + " give a grid too large: " + columns + " x " + rows);
		}
		return new GridSpec(xmin, ymin, cell, cell, (int) columns, (int) rows);
	}

	/** The x coordinate of the centres of column {@code col}. */
	public double centreX(int col) {
		return xmin + (col + 0.5) * cellWidth;
	}

	/** The y coordinate of the centres of row {@code row}. */
	public double centreY(int row) {
		return ymin + (row + 0.5) * cellHeight;
	}

	/** The east edge. */
	public double xmax() {
		return xmin + columns * cellWidth;
	}

	/** The north edge. */
	public double ymax() {
		return ymin + rows * cellHeight;
	}

	/** The number of cells. */
	public int cellCount() {
		return columns * rows;
	}

	/** The area of one cell. */
	public double cellArea() {
		return cellWidth * cellHeight;
	}

}
