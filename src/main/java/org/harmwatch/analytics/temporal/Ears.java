package org.harmwatch.analytics.temporal;

/**
 * CDC EARS C1, C2 and C3 on a daily count series.
 *
 * <p>Definitions (CDC; the same windows as R surveillance's {@code earsC}), with baseline length B (7 by default)
 * and the baseline's mean m and sample standard deviation s (divisor B - 1), floored at {@code minSigma}:
 * <ul>
 * <li>C1 on day t: baseline days t-B .. t-1; {@code C1 = (y_t - m) / s}; first evaluated day B (0-based).</li>
 * <li>C2: baseline days t-B-2 .. t-3 (a two-day guard band); same formula; first evaluated day B + 2.</li>
 * <li>C3: {@code C3_t = sum over i = t-2 .. t of max(0, C2_i - 1)}; first evaluated day B + 4.</li>
 * </ul>
 * C1 and C2 alarm when {@code y_t > m + z s}, i.e. when the statistic exceeds z. C3 alarms when {@code C3_t > z}: the
 * textbook rule, which surveillance reports as {@code alarm_cdc} (surveillance's own C3 alarm cancels today's C2 and
 * differs). A flat baseline with minSigma 0 gives an infinite statistic (alarm if y exceeds the mean) or NaN (no
 * alarm), as in R.
 */
public final class Ears {

	/** The three EARS methods. */
	public enum Method {

		C1, C2, C3

	}

	/**
	 * Parameters.
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

		/** The classic CDC cut-offs: 3 for C1 and C2, 2 for C3; baseline 7, no sigma floor. */
		public static Options cdc(Method method) {
			return new Options(7, method == Method.C3 ? 2.0 : 3.0, 0.0);
		}

		/** surveillance's defaults: alpha 0.001 for C1 and C2 (z 3.090), 0.025 for C3 (z 1.960). */
		public static Options surveillanceDefaults(Method method) {
			return ofAlpha(7, method == Method.C3 ? 0.025 : 0.001, 0.0);
		}

		/** Threshold {@code z = qnorm(1 - alpha)}. */
		public static Options ofAlpha(int baseline, double alpha, double minSigma) {
			return new Options(baseline, Distributions.qnorm(1 - alpha), minSigma);
		}

	}

	/**
	 * One method's output over the whole series; entries before {@code firstIndex} are NaN / false.
	 * @param method the method
	 * @param firstIndex first evaluated day
	 * @param statistic C1, C2 or C3 per day
	 * @param upperBound the count above which the day alarms; for C3, given yesterday's and the day before's terms,
	 * {@code m + s (1 + z - lag)}, or minus infinity when those terms alone exceed z
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
		int n = counts.length;
		int b = options.baseline();
		double[] mean = new double[n];
		double[] sd = new double[n];
		windows(counts, b, options.minSigma(), mean, sd);
		return switch (method) {
			case C1 -> c12(counts, Method.C1, b, 0, options.z(), mean, sd);
			case C2 -> c12(counts, Method.C2, b, 2, options.z(), mean, sd);
			case C3 -> c3(counts, options.z(), mean, sd, b);
		};
	}

	/** Runs C1, C2 and C3 with their own options, sharing the baseline computations (the baselines must agree). */
	public static Result[] detectAll(double[] counts, Options c1, Options c2, Options c3) {
		if (c1.baseline() != c2.baseline() || c2.baseline() != c3.baseline() || c1.minSigma() != c2.minSigma()
				|| c2.minSigma() != c3.minSigma()) {
			throw new IllegalArgumentException("C1, C2 and C3 must share baseline and minSigma to run together");
		}
		int n = counts.length;
		double[] mean = new double[n];
		double[] sd = new double[n];
		windows(counts, c1.baseline(), c1.minSigma(), mean, sd);
		int b = c1.baseline();
		return new Result[] { c12(counts, Method.C1, b, 0, c1.z(), mean, sd),
				c12(counts, Method.C2, b, 2, c2.z(), mean, sd), c3(counts, c3.z(), mean, sd, b) };
	}

	/**
	 * Mean and floored standard deviation of the B days before each day: {@code mean[t]} covers t-B .. t-1 (NaN for
	 * t < B). Two passes over each window, as R's mean and sd.
	 */
	private static void windows(double[] y, int b, double minSigma, double[] mean, double[] sd) {
		int n = y.length;
		for (int t = 0; t < Math.min(b, n); t++) {
			mean[t] = Double.NaN;
			sd[t] = Double.NaN;
		}
		for (int t = b; t < n; t++) {
			double s = 0;
			for (int i = t - b; i < t; i++) {
				s += y[i];
			}
			double m = s / b;
			double ss = 0;
			for (int i = t - b; i < t; i++) {
				double d = y[i] - m;
				ss += d * d;
			}
			mean[t] = m;
			sd[t] = Math.max(Math.sqrt(ss / (b - 1)), minSigma);
		}
	}

	private static Result c12(double[] y, Method method, int b, int lag, double z, double[] mean, double[] sd) {
		int n = y.length;
		int first = b + lag;
		double[] stat = new double[n];
		double[] ub = new double[n];
		boolean[] alarm = new boolean[n];
		for (int t = 0; t < Math.min(first, n); t++) {
			stat[t] = Double.NaN;
			ub[t] = Double.NaN;
		}
		for (int t = first; t < n; t++) {
			double m = mean[t - lag];
			double s = sd[t - lag];
			stat[t] = (y[t] - m) / s;
			ub[t] = m + z * s;
			alarm[t] = y[t] > ub[t];
		}
		return new Result(method, Math.min(first, n), stat, ub, alarm);
	}

	private static Result c3(double[] y, double z, double[] mean, double[] sd, int b) {
		int n = y.length;
		int first = b + 4;
		double[] part = new double[n]; // max(0, C2 - 1), defined from b + 2
		for (int t = b + 2; t < n; t++) {
			double c2 = (y[t] - mean[t - 2]) / sd[t - 2];
			part[t] = Math.max(0.0, c2 - 1.0); // NaN stays NaN, as R's pmax
		}
		double[] stat = new double[n];
		double[] ub = new double[n];
		boolean[] alarm = new boolean[n];
		for (int t = 0; t < Math.min(first, n); t++) {
			stat[t] = Double.NaN;
			ub[t] = Double.NaN;
		}
		for (int t = first; t < n; t++) {
			double lagTerms = part[t - 1] + part[t - 2];
			stat[t] = lagTerms + part[t];
			alarm[t] = stat[t] > z;
			double m = mean[t - 2];
			double s = sd[t - 2];
			ub[t] = lagTerms > z ? Double.NEGATIVE_INFINITY : m + s * (1 + z - lagTerms);
		}
		return new Result(Method.C3, Math.min(first, n), stat, ub, alarm);
	}

}
