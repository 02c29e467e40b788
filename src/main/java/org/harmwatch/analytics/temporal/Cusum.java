package org.harmwatch.analytics.temporal;

/**
 * An upper Poisson CUSUM on a count series (Rossi et al.; surveillance's
 * {@code algo.cusum} with the standard transformation), optionally restarting from zero
 * after each alarm.
 *
 * <p>
 * The reference mean m is the mean of the first {@code trainingDays} counts (or given).
 * From day {@code trainingDays} on, {@code x_t = (y_t - m) / sqrt(m)}, {@code S_t =
 * max(0, S_{t-1} + x_t - k)} and the day alarms when {@code S_t >= h}. With
 * {@code resetAfterAlarm} the sum used for the next day is 0 after an alarm (the reported
 * S_t of the alarm day is kept), so one outbreak raises one alarm instead of a run;
 * surveillance does not reset. The upper bound is surveillance's: the smallest count that
 * alarms, {@code ceiling(sqrt(m) (h + k - S_{t-1}) + m)}, at least 0.
 */
public final class Cusum {

	/**
	 * Parameters.
	 *
	 * @param trainingDays days used for the reference mean; monitoring starts after them
	 * @param referenceMean the in-control mean, or NaN to take the training days' mean
	 * @param k reference value (allowance)
	 * @param h decision interval
	 * @param resetAfterAlarm restart the sum at 0 after an alarm
	 */
	public record Options(int trainingDays, double referenceMean, double k, double h, boolean resetAfterAlarm) {

		public Options {
			if (trainingDays < 1 && Double.isNaN(referenceMean)) {
				throw new IllegalArgumentException("need training days or a reference mean");
			}
			if (!(h > 0) || Double.isNaN(k)) {
				throw new IllegalArgumentException("h must be positive and k a number");
			}
		}

		/**
		 * surveillance's algo.cusum defaults (k 1.04, h 2.26) with a year of training, no
		 * reset.
		 */
		public static Options surveillance(int trainingDays) {
			return new Options(trainingDays, Double.NaN, 1.04, 2.26, false);
		}

		/** The same with a reset after each alarm, this engine's default. */
		public static Options resetting(int trainingDays) {
			return new Options(trainingDays, Double.NaN, 1.04, 2.26, true);
		}

	}

	/**
	 * The CUSUM path; entries before {@code firstIndex} are NaN / false.
	 *
	 * @param firstIndex first monitored day (the number of training days)
	 * @param referenceMean the in-control mean used
	 * @param statistic S_t
	 * @param upperBound smallest count that would alarm on the day
	 * @param alarm alarm per day
	 */
	public record Result(int firstIndex, double referenceMean, double[] statistic, double[] upperBound,
			boolean[] alarm) {

		/** Number of alarms. */
		public int alarms() {
			int a = 0;
			for (boolean b : this.alarm) {
				a += b ? 1 : 0;
			}
			return a;
		}

	}

	private Cusum() {
	}

	/** Runs the CUSUM over the series. */
	public static Result detect(double[] counts, Options options) {
		int n = counts.length;
		int first = Math.min(options.trainingDays(), n);
		double m = options.referenceMean();
		if (Double.isNaN(m)) {
			double s = 0;
			for (int i = 0; i < first; i++) {
				s += counts[i];
			}
			m = s / first;
		}
		double sqrtM = Math.sqrt(m);
		double[] stat = new double[n];
		double[] ub = new double[n];
		boolean[] alarm = new boolean[n];
		for (int t = 0; t < first; t++) {
			stat[t] = Double.NaN;
			ub[t] = Double.NaN;
		}
		double previous = 0;
		for (int t = first; t < n; t++) {
			double x = (counts[t] - m) / sqrtM;
			double bound = Math.ceil(sqrtM * (options.h() + options.k() - previous) + m);
			ub[t] = Double.isNaN(bound) || bound < 0 ? 0 : bound;
			stat[t] = Math.max(0, previous + (x - options.k()));
			alarm[t] = stat[t] >= options.h();
			previous = alarm[t] && options.resetAfterAlarm() ? 0 : stat[t];
		}
		return new Result(first, m, stat, ub, alarm);
	}

}
