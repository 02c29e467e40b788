package org.harmwatch.hatclinic.internal;

import java.util.List;

/**
 * Means and their 95 % intervals (Student's t) for the before/after report.
 */
public final class Intervals {

	/** Two-sided 97.5 % points of Student's t for 1 to 30 degrees of freedom. */
	private static final double[] T = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
			2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
			2.052, 2.048, 2.045, 2.042 };

	private Intervals() {
	}

	/** The mean of the values; NaN when there are none. */
	public static double mean(List<Integer> values) {
		return values.stream().mapToDouble(Integer::doubleValue).average().orElse(Double.NaN);
	}

	/**
	 * The 95 % interval of the mean, {@code [low, high]}; the mean itself twice for one
	 * value.
	 */
	public static double[] interval(List<Integer> values) {
		int n = values.size();
		double mean = mean(values);
		if (n < 2) {
			return new double[] { mean, mean };
		}
		double squares = 0;
		for (int value : values) {
			squares += (value - mean) * (value - mean);
		}
		double se = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
		double t = n - 1 <= T.length ? T[n - 2] : 1.96;
		return new double[] { mean - t * se, mean + t * se };
	}

}
