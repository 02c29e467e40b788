package org.harmwatch.analytics.density;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Kernel density of point events evaluated at the cell centres of a grid, with the conventions of scikit-learn's
 * {@code KernelDensity} and spatstat's exact {@code densityfun} (see {@link Kernel} for the bandwidth): no edge
 * correction, and events outside the grid still contribute to the cells they reach.
 *
 * <p><b>Exactness.</b> The compact kernels (quartic, Epanechnikov) are exact: every event adds its kernel to every
 * cell centre within its support radius h and to no other, so the result differs from the textbook sum only by
 * floating-point rounding (the tests hold it to 1e-9 relative of scikit-learn, the peers' tree engine and spatstat).
 *
 * <p><b>Gaussian truncation.</b> The Gaussian kernel never reaches zero. By default an event contributes only to cells
 * whose centres lie within {@code k = 8} bandwidths of it in both x and y ({@link #DEFAULT_GAUSSIAN_TRUNCATION}; change
 * it with {@link #withGaussianTruncation(double)}, or use {@link #exactGaussian()} to sum every event at every cell).
 * Every dropped event is farther than {@code k h} from the cell centre, so it would have added at most
 * {@code K(k h) = exp(-k^2 / 2) K(0)}. Hence, at every cell, {@code 0 <= exact - truncated <= D exp(-k^2 / 2) K(0)}
 * for the intensity, where D is the total weight of the dropped events ({@code <=} the total weight W), and the
 * density error is at most {@code exp(-k^2 / 2) K(0) = exp(-k^2 / 2) / (2 pi h^2)}. For k = 8 that factor is
 * {@code exp(-32) = 1.3e-14}: below double rounding relative to the peak of a single event's kernel.
 * {@link #truncationErrorFactor()} returns it.
 *
 * <p><b>Speed.</b> Events are bucketed by grid row; the grid is cut into horizontal bands that run in parallel on the
 * common fork-join pool, each band writing only its own rows (no locks, no per-thread copies of the grid). For a
 * compact kernel each event visits only the cells of its support disc, row by row, in a loop the JIT vectorises; the
 * Gaussian is separable ({@code exp(-(dx^2 + dy^2)/2h^2) = exp(-dx^2/2h^2) exp(-dy^2/2h^2)}), so each event needs one
 * exponential per column and per row of its box, not per cell. Instances are immutable and thread-safe.
 */
public final class KernelDensity {

	/** The default Gaussian truncation, in bandwidths. */
	public static final double DEFAULT_GAUSSIAN_TRUNCATION = 8.0;

	/** Below about this many kernel evaluations (a millisecond) one thread does it all. */
	private static final double PARALLEL_WORK_THRESHOLD = 1 << 20;

	private final Kernel kernel;

	private final double bandwidth;

	private final double truncation;

	private KernelDensity(Kernel kernel, double bandwidth, double truncation) {
		this.kernel = kernel;
		this.bandwidth = bandwidth;
		this.truncation = truncation;
	}

	/**
	 * A kernel density estimator.
	 * @param kernel the kernel
	 * @param bandwidth h, positive (the support radius of compact kernels, the standard deviation of the Gaussian)
	 * @return the estimator, with the default Gaussian truncation
	 */
	public static KernelDensity of(Kernel kernel, double bandwidth) {
		if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
			throw new IllegalArgumentException("bandwidth must be a finite positive number, but was " + bandwidth);
		}
		return new KernelDensity(kernel, bandwidth, DEFAULT_GAUSSIAN_TRUNCATION);
	}

	/**
	 * This estimator with the Gaussian kernel truncated at {@code bandwidths} bandwidths (no effect on compact
	 * kernels).
	 * @param bandwidths k, at least 1
	 * @return the estimator
	 */
	public KernelDensity withGaussianTruncation(double bandwidths) {
		if (!(bandwidths >= 1)) {
			throw new IllegalArgumentException("truncation must be at least 1 bandwidth, but was " + bandwidths);
		}
		return new KernelDensity(kernel, bandwidth, bandwidths);
	}

	/** This estimator with the Gaussian kernel summed over every event at every cell (slow on big inputs). */
	public KernelDensity exactGaussian() {
		return new KernelDensity(kernel, bandwidth, Double.POSITIVE_INFINITY);
	}

	/** The kernel. */
	public Kernel kernel() {
		return kernel;
	}

	/** The bandwidth h. */
	public double bandwidth() {
		return bandwidth;
	}

	/**
	 * The bound on the truncation error per unit of dropped weight, relative to the kernel's peak {@code K(0)}:
	 * {@code exp(-k^2 / 2)} for a truncated Gaussian, 0 for exact evaluation and for compact kernels.
	 */
	public double truncationErrorFactor() {
		return kernel == Kernel.GAUSSIAN ? Math.exp(-0.5 * truncation * truncation) : 0.0;
	}

	/**
	 * The density of unweighted events on {@code grid}.
	 * @param x the x coordinate of each event
	 * @param y the y coordinate of each event
	 * @param grid where to evaluate
	 * @return intensity and density at every cell centre
	 */
	public DensityGrid estimate(double[] x, double[] y, GridSpec grid) {
		return estimate(x, y, null, grid);
	}

	/**
	 * The density of weighted events on {@code grid}: an event of weight w counts as w events.
	 * @param x the x coordinate of each event
	 * @param y the y coordinate of each event
	 * @param weights the weight of each event (finite, not negative), or null for 1 each
	 * @param grid where to evaluate
	 * @return intensity and density at every cell centre
	 */
	public DensityGrid estimate(double[] x, double[] y, double @Nullable [] weights, GridSpec grid) {
		int n = x.length;
		if (y.length != n) {
			throw new IllegalArgumentException("x has " + n + " coordinates but y has " + y.length);
		}
		if (weights != null && weights.length != n) {
			throw new IllegalArgumentException("there are " + n + " events but " + weights.length + " weights");
		}
		double totalWeight = 0;
		for (int i = 0; i < n; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("event " + i + " has a coordinate that is not a finite number");
			}
			double w = weights == null ? 1.0 : weights[i];
			if (!(w >= 0) || Double.isInfinite(w)) {
				throw new IllegalArgumentException("event " + i + " has weight " + w + "; weights must be finite and >= 0");
			}
			totalWeight += w;
		}
		return new Evaluation(x, y, weights, grid).run(totalWeight);
	}

	/** One evaluation: the events bucketed by the first grid row they reach, and the grid cut into bands. */
	private final class Evaluation {

		private final GridSpec grid;

		private final int columns;

		private final int rows;

		private final double[] centresX;

		private final double[] centresY;

		/** How far an event reaches: h for compact kernels, k h for the Gaussian (infinite if exact). */
		private final double reach;

		private final double[] xs;

		private final double[] ys;

		private final double[] ws;

		private final int[] firstRows;

		private final int[] lastRows;

		/** Events sorted by first row: bucket r holds positions {@code bucketStart[r] .. bucketStart[r+1]-1}. */
		private final int[] bucketStart;

		private final int maxRowSpan;

		private final double[] intensity;

		Evaluation(double[] x, double[] y, double @Nullable [] weights, GridSpec grid) {
			this.grid = grid;
			this.columns = grid.columns();
			this.rows = grid.rows();
			this.centresX = new double[columns];
			for (int c = 0; c < columns; c++) {
				centresX[c] = grid.centreX(c);
			}
			this.centresY = new double[rows];
			for (int r = 0; r < rows; r++) {
				centresY[r] = grid.centreY(r);
			}
			this.reach = kernel.isCompact() ? bandwidth : truncation * bandwidth;
			int n = x.length;
			// rows and columns each event reaches (widened by one: the kernel loops clamp at zero themselves)
			int[] first = new int[n];
			int[] last = new int[n];
			int[] counts = new int[rows + 1];
			int span = 0;
			for (int i = 0; i < n; i++) {
				int lo = rowAtOrAbove(y[i] - reach);
				int hi = rowAtOrBelow(y[i] + reach);
				int colLo = columnAtOrAbove(x[i] - reach);
				int colHi = columnAtOrBelow(x[i] + reach);
				if (lo > hi || colLo > colHi) {
					first[i] = rows; // reaches no cell
				}
				else {
					first[i] = lo;
					last[i] = hi;
					span = Math.max(span, hi - lo + 1);
				}
				counts[first[i]]++;
			}
			this.maxRowSpan = span;
			this.bucketStart = new int[rows + 2];
			for (int r = 0; r <= rows; r++) {
				bucketStart[r + 1] = bucketStart[r] + counts[r];
			}
			int[] fill = Arrays.copyOf(bucketStart, rows + 1);
			int kept = bucketStart[rows];
			this.xs = new double[kept];
			this.ys = new double[kept];
			this.ws = new double[kept];
			this.firstRows = new int[kept];
			this.lastRows = new int[kept];
			for (int i = 0; i < n; i++) {
				if (first[i] == rows) {
					continue;
				}
				int slot = fill[first[i]]++;
				xs[slot] = x[i];
				ys[slot] = y[i];
				ws[slot] = weights == null ? 1.0 : weights[i];
				firstRows[slot] = first[i];
				lastRows[slot] = last[i];
			}
			this.intensity = new double[grid.cellCount()];
		}

		private int rowAtOrAbove(double yValue) {
			return (int) Math.max(0, Math.min(rows, Math.ceil((yValue - grid.ymin()) / grid.cellHeight() - 0.5) - 1));
		}

		private int rowAtOrBelow(double yValue) {
			return (int) Math.max(-1, Math.min(rows - 1, Math.floor((yValue - grid.ymin()) / grid.cellHeight() - 0.5) + 1));
		}

		private int columnAtOrAbove(double xValue) {
			return (int) Math.max(0,
					Math.min(columns, Math.ceil((xValue - grid.xmin()) / grid.cellWidth() - 0.5) - 1));
		}

		private int columnAtOrBelow(double xValue) {
			return (int) Math.max(-1,
					Math.min(columns - 1, Math.floor((xValue - grid.xmin()) / grid.cellWidth() - 0.5) + 1));
		}

		DensityGrid run(double totalWeight) {
			int kept = xs.length;
			int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
			int bandRows = Math.max(16, rows / (4 * threads));
			if (kernel == Kernel.GAUSSIAN) {
				// each event recomputes its column factors once per band it reaches: keep bands tall
				bandRows = Math.max(bandRows, Math.min(rows, maxRowSpan));
			}
			int bands = (rows + bandRows - 1) / bandRows;
			int rowHeight = bandRows;
			IntStream range = IntStream.range(0, bands);
			double reachCells = Math.min(columns, 2 * reach / grid.cellWidth() + 3);
			double work = (double) kept * Math.max(1, maxRowSpan) * reachCells;
			if (bands > 1 && work > PARALLEL_WORK_THRESHOLD) {
				range = range.parallel();
			}
			range.forEach(band -> band(band * rowHeight, Math.min(rows, (band + 1) * rowHeight)));
			double h2 = bandwidth * bandwidth;
			double norm = switch (kernel) {
				case QUARTIC -> 3.0 / (Math.PI * h2);
				case EPANECHNIKOV -> 2.0 / (Math.PI * h2);
				case GAUSSIAN -> 1.0 / (2.0 * Math.PI * h2);
			};
			for (int i = 0; i < intensity.length; i++) {
				intensity[i] *= norm;
			}
			return new DensityGrid(grid, intensity, totalWeight);
		}

		/** Adds every event's kernel to the rows {@code [rowFrom, rowTo)}. */
		private void band(int rowFrom, int rowTo) {
			int fromBucket = Math.max(0, rowFrom - maxRowSpan + 1);
			int start = bucketStart[fromBucket];
			int end = bucketStart[rowTo];
			double invH2 = 1.0 / (bandwidth * bandwidth);
			double[] columnFactors = kernel == Kernel.GAUSSIAN ? new double[columns] : new double[0];
			for (int e = start; e < end; e++) {
				int lo = Math.max(firstRows[e], rowFrom);
				int hi = Math.min(lastRows[e], rowTo - 1);
				if (lo > hi) {
					continue;
				}
				double px = xs[e];
				double py = ys[e];
				double w = ws[e];
				if (kernel == Kernel.GAUSSIAN) {
					gaussian(px, py, w, lo, hi, invH2, columnFactors);
				}
				else {
					compact(px, py, w, lo, hi, invH2);
				}
			}
		}

		private void compact(double px, double py, double w, int lo, int hi, double invH2) {
			boolean quartic = kernel == Kernel.QUARTIC;
			for (int r = lo; r <= hi; r++) {
				double dy = centresY[r] - py;
				double a = 1.0 - dy * dy * invH2;
				if (a <= 0) {
					continue;
				}
				double half = bandwidth * Math.sqrt(a);
				int c0 = columnAtOrAbove(px - half);
				int c1 = columnAtOrBelow(px + half);
				int base = r * columns;
				if (quartic) {
					for (int c = c0; c <= c1; c++) {
						double dx = centresX[c] - px;
						double t = Math.max(a - dx * dx * invH2, 0.0);
						intensity[base + c] += w * (t * t);
					}
				}
				else {
					for (int c = c0; c <= c1; c++) {
						double dx = centresX[c] - px;
						double t = Math.max(a - dx * dx * invH2, 0.0);
						intensity[base + c] += w * t;
					}
				}
			}
		}

		private void gaussian(double px, double py, double w, int lo, int hi, double invH2, double[] columnFactors) {
			int c0 = columnAtOrAbove(px - reach);
			int c1 = columnAtOrBelow(px + reach);
			double halfInvH2 = 0.5 * invH2;
			for (int c = c0; c <= c1; c++) {
				double dx = centresX[c] - px;
				columnFactors[c] = Math.exp(-dx * dx * halfInvH2);
			}
			for (int r = lo; r <= hi; r++) {
				double dy = centresY[r] - py;
				double rowFactor = w * Math.exp(-dy * dy * halfInvH2);
				int base = r * columns;
				for (int c = c0; c <= c1; c++) {
					intensity[base + c] += rowFactor * columnFactors[c];
				}
			}
		}

	}

}
