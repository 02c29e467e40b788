package org.harmwatch.analytics.temporal;

import java.util.Arrays;

/**
 * CDC EARS C1, C2 and C3 on a daily count series.
 *
 * <p>
 * Definitions (CDC; the same windows as R surveillance's {@code earsC}), with baseline
 * length B (7 by default) and the baseline's mean m and sample standard deviation s
 * (divisor B - 1), floored at {@code minSigma}:
 * <ul>
 * <li>C1 on day t: baseline days t-B .. t-1; {@code C1 = (y_t - m) / s}; first evaluated
 * day B (0-based).</li>
 * <li>C2: baseline days t-B-2 .. t-3 (a two-day guard band); same formula; first
 * evaluated day B + 2.</li>
 * <li>C3: {@code C3_t = sum over i = t-2 .. t of max(0, C2_i - 1)}; first evaluated day B
 * + 4.</li>
 * </ul>
 * C1 and C2 alarm when {@code y_t > m + z s}, i.e. when the statistic exceeds z. C3
 * alarms when {@code C3_t > z}: the textbook rule, which surveillance reports as
 * {@code alarm_cdc} (surveillance's own C3 alarm cancels today's C2 and differs). A flat
 * baseline with minSigma 0 gives an infinite statistic (alarm if y exceeds the mean) or
 * NaN (no alarm), as in R.
 */
public final class Ears {

	/** The three EARS methods. */
	public enum Method {

		C1, C2, C3

	}

	/**
	 * Parameters.
	 *
	 * @param baseline number of baseline days B (at least 3)
	 * @param z threshold on the statistic
	 * @param minSigma floor for the baseline standard deviation (0: none)
	 */
	public record Options(int baseline, double z, double minSigma) {

		public Options {
			if (baseline < 3) {
				throw new IllegalArgumentException("the baseline needs at least 3 days: " + baseline);
			}
			if (Double.isNaN(z) || !(minSigma >= 0)) {
				throw new IllegalArgumentException("z must be a number and minSigma non-negative");
			}
		}

		/**
		 * The classic CDC cut-offs: 3 for C1 and C2, 2 for C3; baseline 7, no sigma
		 * floor.
		 */
		public static Options cdc(Method method) {
			return new Options(7, method == Method.C3 ? 2.0 : 3.0, 0.0);
		}

		/**
		 * surveillance's defaults: alpha 0.001 for C1 and C2 (z 3.090), 0.025 for C3 (z
		 * 1.960).
		 */
		public static Options surveillanceDefaults(Method method) {
			return ofAlpha(7, method == Method.C3 ? 0.025 : 0.001, 0.0);
		}

		/** Threshold {@code z = qnorm(1 - alpha)}. */
		public static Options ofAlpha(int baseline, double alpha, double minSigma) {
			return new Options(baseline, Distributions.qnorm(1 - alpha), minSigma);
		}

	}

	/**
	 * One method's output over the whole series; entries before {@code firstIndex} are
	 * NaN / false.
	 *
	 * @param method the method
	 * @param firstIndex first evaluated day
	 * @param statistic C1, C2 or C3 per day
	 * @param upperBound the count above which the day alarms; for C3, given yesterday's
	 * and the day before's terms, {@code m + s (1 + z - lag)}, or minus infinity when
	 * those terms alone exceed z
	 * @param alarm alarm per day
	 */
	public record Result(Method method, int firstIndex, double[] statistic, double[] upperBound, boolean[] alarm) {

		/** Number of alarms. */
		public int alarms() {
			int a = 0;
			for (boolean b : this.alarm) {
				a += b ? 1 : 0;
			}
			return a;
		}

	}

	private Ears() {
	}

	/** First day (0-based) a method can evaluate. */
	public static int firstIndex(Method method, int baseline) {
		return switch (method) {
			case C1 -> baseline;
			case C2 -> baseline + 2;
			case C3 -> baseline + 4;
		};
	}

	/** Runs one method on a series of daily counts. */
	public static Result detect(double[] counts, Method method, Options options) {
		Options[] only = new Options[3];
		only[method.ordinal()] = options;
		return run(counts, options.baseline(), options.minSigma(), only)[method.ordinal()];
	}

	/**
	 * Runs C1, C2 and C3 with their own options in one pass over the series (the
	 * baselines must agree).
	 */
	public static Result[] detectAll(double[] counts, Options c1, Options c2, Options c3) {
		if (c1.baseline() != c2.baseline() || c2.baseline() != c3.baseline() || c1.minSigma() != c2.minSigma()
				|| c2.minSigma() != c3.minSigma()) {
			throw new IllegalArgumentException("C1, C2 and C3 must share baseline and minSigma to run together");
		}
		return run(counts, c1.baseline(), c1.minSigma(), new Options[] { c1, c2, c3 });
	}

	/**
	 * One pass: on day t the baseline of the B days before t gives C1 today, and (two
	 * days later) C2; C3 sums the last three C2 terms. Only the methods with options are
	 * computed.
	 */
	private static Result[] run(double[] y, int b, double minSigma, Options[] methods) {
		int n = y.length;
		boolean whole = wholeCounts(y);
		Out[] out = new Out[3];
		for (Method m : Method.values()) {
			if (methods[m.ordinal()] != null) {
				out[m.ordinal()] = new Out(n, Math.min(firstIndex(m, b), n));
			}
		}
		double z1 = methods[0] != null ? methods[0].z() : Double.NaN;
		double z2 = methods[1] != null ? methods[1].z() : Double.NaN;
		double z3 = methods[2] != null ? methods[2].z() : Double.NaN;
		// baseline statistics of the last three days (ring), and C3's last two terms
		double[] mean = new double[3];
		double[] sd = new double[3];
		double part1 = 0;
		double part2 = 0;
		long s = 0;
		long q = 0;
		long denominator = (long) b * (b - 1);
		if (whole) {
			for (int i = 0; i < Math.min(b, n); i++) {
				long v = (long) y[i];
				s += v;
				q += v * v;
			}
		}
		for (int t = b; t < n; t++) {
			double m;
			double sigma;
			if (whole) {
				// counts: rolling sums of x and x^2 are exact in longs, so B sum(x^2) -
				// sum(x)^2 is exact and the
				// variance correctly rounded (R's two-pass long-double result agrees to
				// an ulp)
				m = (double) s / b;
				sigma = Math.sqrt((double) (b * q - s * s) / denominator);
				long in = (long) y[t];
				long gone = (long) y[t - b];
				s += in - gone;
				q += in * in - gone * gone;
			}
			else {
				// two passes over the window, as R's mean and sd
				double sum = 0;
				for (int i = t - b; i < t; i++) {
					sum += y[i];
				}
				m = sum / b;
				double ss = 0;
				for (int i = t - b; i < t; i++) {
					double d = y[i] - m;
					ss += d * d;
				}
				sigma = Math.sqrt(ss / (b - 1));
			}
			sigma = Math.max(sigma, minSigma);
			mean[t % 3] = m;
			sd[t % 3] = sigma;
			if (out[0] != null) {
				out[0].set(t, (y[t] - m) / sigma, m + z1 * sigma, y[t] > m + z1 * sigma);
			}
			if (t >= b + 2) {
				double m2 = mean[(t - 2) % 3];
				double s2 = sd[(t - 2) % 3];
				if (out[1] != null) {
					out[1].set(t, (y[t] - m2) / s2, m2 + z2 * s2, y[t] > m2 + z2 * s2);
				}
				double part = Math.max(0.0, (y[t] - m2) / s2 - 1.0); // NaN stays NaN, as
																		// R's pmax
				if (out[2] != null && t >= b + 4) {
					double lag = part1 + part2;
					double c3 = lag + part;
					out[2].set(t, c3, lag > z3 ? Double.NEGATIVE_INFINITY : m2 + s2 * (1 + z3 - lag), c3 > z3);
				}
				part2 = part1;
				part1 = part;
			}
		}
		Result[] results = new Result[3];
		for (Method m : Method.values()) {
			Out o = out[m.ordinal()];
			if (o != null) {
				results[m.ordinal()] = new Result(m, o.first, o.statistic, o.upperBound, o.alarm);
			}
		}
		return results;
	}

	/** Output arrays of one method, NaN before its first day. */
	private static final class Out {

		final int first;

		final double[] statistic;

		final double[] upperBound;

		final boolean[] alarm;

		Out(int n, int first) {
			this.first = first;
			this.statistic = new double[n];
			this.upperBound = new double[n];
			this.alarm = new boolean[n];
			Arrays.fill(this.statistic, 0, first, Double.NaN);
			Arrays.fill(this.upperBound, 0, first, Double.NaN);
		}

		void set(int t, double stat, double ub, boolean alarm) {
			this.statistic[t] = stat;
			this.upperBound[t] = ub;
			this.alarm[t] = alarm;
		}

	}

	/**
	 * Whole numbers small enough that sums of squares over a baseline cannot overflow a
	 * long.
	 */
	private static boolean wholeCounts(double[] y) {
		for (double v : y) {
			if (!(Math.abs(v) < (1 << 24)) || v != Math.rint(v)) {
				return false;
			}
		}
		return true;
	}

}
