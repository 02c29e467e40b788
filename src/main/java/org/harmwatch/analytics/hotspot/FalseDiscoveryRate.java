package org.harmwatch.analytics.hotspot;

import java.util.Arrays;

/**
 * Benjamini-Hochberg adjustment of p-values, so that the expected share of false hotspots
 * among those called stays below the chosen level.
 */
public final class FalseDiscoveryRate {

	private FalseDiscoveryRate() {
	}

	/**
	 * The Benjamini-Hochberg q-values of {@code p}, exactly as R's
	 * {@code p.adjust(p, method = "BH")}.
	 *
	 * <p>
	 * With the m p-values sorted ascending, {@code q_(i) = min(1, min_{j >= i} m / j *
	 * p_(j))}. Calling every test with {@code q <= alpha} a discovery is the
	 * Benjamini-Hochberg step-up procedure at false discovery rate alpha. Equal p-values
	 * get equal q-values. NaN p-values (undefined tests) stay NaN and do not count in m,
	 * like R's NA.
	 * @param p p-values in [0, 1] or NaN
	 * @return the q-values, in the order of {@code p}
	 */
	public static double[] benjaminiHochberg(double[] p) {
		double[] sorted = new double[p.length];
		int m = 0;
		for (int i = 0; i < p.length; i++) {
			double value = p[i];
			if (Double.isNaN(value)) {
				continue;
			}
			if (value < 0 || value > 1) {
				throw new IllegalArgumentException("p[" + i + "] = " + value + " is not a probability");
			}
			sorted[m++] = value;
		}
		sorted = Arrays.copyOf(sorted, m);
		Arrays.sort(sorted);
		double[] adjusted = new double[m];
		double running = 1.0;
		for (int j = m - 1; j >= 0; j--) {
			running = Math.min(running, (double) m / (j + 1) * sorted[j]);
			adjusted[j] = running;
		}
		double[] q = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			double value = p[i];
			if (Double.isNaN(value)) {
				q[i] = Double.NaN;
				continue;
			}
			// the last position of this value: equal p-values share the q-value of the
			// highest rank
			q[i] = adjusted[upperBound(sorted, value) - 1];
		}
		return q;
	}

	/** The first index whose value is greater than {@code value}. */
	private static int upperBound(double[] sorted, double value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] <= value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
