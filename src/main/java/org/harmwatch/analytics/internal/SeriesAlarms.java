package org.harmwatch.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.temporal.Cusum;
import org.harmwatch.analytics.temporal.Ears;
import org.harmwatch.analytics.temporal.FarringtonFlexible;

/**
 * The daily run's temporal methods on one series of daily counts that ends on the run's
 * day: whether that day (EARS, CUSUM) or the seven days ending on it (Farrington, on
 * weekly sums) alarm. Plain Java, no Spring: the orchestration's pure part.
 *
 * <p>
 * Only the last day or week is judged; the rest of the series is its history. A day or
 * week with fewer than {@code minObserved} events never alarms (a district and class
 * going from 0 to 1 overdose is not an outbreak, however large EARS's statistic is on a
 * baseline of zeros), and neither does a day at or below what the method expected (EARS
 * C3 can alarm on such a day for the two days before it).
 */
final class SeriesAlarms {

	/**
	 * What to run and how.
	 *
	 * @param methods the methods to run
	 * @param ears EARS's baseline days, thresholds and sigma floor, per method (C1, C2,
	 * C3)
	 * @param cusum the CUSUM's options (its training days come first in the series it is
	 * given)
	 * @param cusumMonitorDays days the CUSUM runs over after its training, up to the
	 * run's day
	 * @param farrington Farrington flexible's options, on weekly sums
	 * @param minObserved the fewest events a day or week must have to alarm
	 */
	record Settings(Set<AlarmMethod> methods, Ears.Options[] ears, Cusum.Options cusum, int cusumMonitorDays,
			FarringtonFlexible.Options farrington, int minObserved) {

		Settings {
			methods = Set.copyOf(methods);
			if (ears.length != 3 || cusumMonitorDays < 1 || minObserved < 1) {
				throw new IllegalArgumentException("three EARS options, cusumMonitorDays >= 1, minObserved >= 1");
			}
		}

		/** Days of history (the run's day included) the methods need. */
		int historyDays() {
			int days = 1;
			if (methods.contains(AlarmMethod.EARS_C1) || methods.contains(AlarmMethod.EARS_C2)
					|| methods.contains(AlarmMethod.EARS_C3)) {
				days = Math.max(days, Ears.firstIndex(Ears.Method.C3, ears[0].baseline()) + 1);
			}
			if (methods.contains(AlarmMethod.CUSUM)) {
				days = Math.max(days, cusum.trainingDays() + cusumMonitorDays);
			}
			if (methods.contains(AlarmMethod.FARRINGTON)) {
				days = Math.max(days, 7 * farringtonWeeks());
			}
			return days;
		}

		/**
		 * Weeks of weekly sums Farrington is given: its first evaluable week is the last.
		 */
		int farringtonWeeks() {
			return FarringtonFlexible.firstEvaluable(FarringtonFlexible.Unit.WEEK, farrington) + 1;
		}

	}

	/**
	 * One alarm on the run's day or week.
	 *
	 * @param method the method
	 * @param periodStart first day of the day or week judged
	 * @param periodEnd its last day (the run's day)
	 * @param observed events in it
	 * @param expected what the method expected: the baseline mean (EARS), the reference
	 * mean (CUSUM), the model's prediction (Farrington)
	 * @param threshold the count above which it alarms
	 * @param statistic the method's statistic (EARS C1-C3, the CUSUM sum, Farrington's
	 * score)
	 * @param pValue Farrington's p-value; NaN for the others
	 */
	record Alarm(AlarmMethod method, LocalDate periodStart, LocalDate periodEnd, double observed, double expected,
			double threshold, double statistic, double pValue) {
	}

	private SeriesAlarms() {
	}

	/**
	 * The alarms on the series' last day, in the order of {@link AlarmMethod}.
	 * @param lastDay the day of the series' last count
	 * @param daily daily counts, oldest first, the last one on {@code lastDay}; shorter
	 * than {@link Settings#historyDays()} is read as zeros before its start
	 */
	static List<Alarm> evaluate(LocalDate lastDay, double[] daily, Settings settings) {
		var alarms = new ArrayList<Alarm>(2);
		int n = daily.length;
		if (n == 0) {
			return alarms;
		}
		double today = daily[n - 1];
		boolean anyEars = settings.methods().contains(AlarmMethod.EARS_C1)
				|| settings.methods().contains(AlarmMethod.EARS_C2) || settings.methods().contains(AlarmMethod.EARS_C3);
		if (anyEars && today >= settings.minObserved()) {
			ears(lastDay, daily, settings, alarms);
		}
		if (settings.methods().contains(AlarmMethod.CUSUM) && today >= settings.minObserved()) {
			cusum(lastDay, daily, settings, alarms);
		}
		if (settings.methods().contains(AlarmMethod.FARRINGTON)) {
			farrington(lastDay, daily, settings, alarms);
		}
		return alarms;
	}

	private static void ears(LocalDate lastDay, double[] daily, Settings settings, List<Alarm> alarms) {
		int b = settings.ears()[0].baseline();
		double[] series = tail(daily, Ears.firstIndex(Ears.Method.C3, b) + 1);
		int t = series.length - 1;
		var results = Ears.detectAll(series, settings.ears()[0], settings.ears()[1], settings.ears()[2]);
		AlarmMethod[] methods = { AlarmMethod.EARS_C1, AlarmMethod.EARS_C2, AlarmMethod.EARS_C3 };
		for (int m = 0; m < 3; m++) {
			var result = results[m];
			if (!settings.methods().contains(methods[m]) || result == null || !result.alarm()[t]) {
				continue;
			}
			// C1's baseline is the b days before; C2's and C3's end two days earlier
			int lag = m == 0 ? 1 : 3;
			double sum = 0;
			for (int i = t - lag - b + 1; i <= t - lag; i++) {
				sum += series[i];
			}
			double expected = sum / b;
			if (!(series[t] > expected)) {
				// C3 sums the last three days' excesses, so it can alarm on a day below
				// its
				// baseline after two high days: those days were the run's to judge, not
				// this
				continue;
			}
			alarms.add(new Alarm(methods[m], lastDay, lastDay, series[t], expected, result.upperBound()[t],
					result.statistic()[t], Double.NaN));
		}
	}

	private static void cusum(LocalDate lastDay, double[] daily, Settings settings, List<Alarm> alarms) {
		double[] series = tail(daily, settings.cusum().trainingDays() + settings.cusumMonitorDays());
		int t = series.length - 1;
		var result = Cusum.detect(series, settings.cusum());
		if (t >= result.firstIndex() && result.alarm()[t]) {
			alarms.add(new Alarm(AlarmMethod.CUSUM, lastDay, lastDay, series[t], result.referenceMean(),
					result.upperBound()[t], result.statistic()[t], Double.NaN));
		}
	}

	private static void farrington(LocalDate lastDay, double[] daily, Settings settings, List<Alarm> alarms) {
		int weeks = settings.farringtonWeeks();
		double[] series = tail(daily, 7 * weeks);
		double[] weekly = new double[weeks];
		var starts = new ArrayList<LocalDate>(weeks);
		for (int k = 0; k < weeks; k++) {
			starts.add(lastDay.minusDays(7L * (weeks - k) - 1));
			for (int d = 0; d < 7; d++) {
				weekly[k] += series[7 * k + d];
			}
		}
		int last = weeks - 1;
		if (weekly[last] < settings.minObserved()) {
			return;
		}
		List<FarringtonFlexible.Period> periods;
		try {
			periods = FarringtonFlexible.detect(starts, weekly, FarringtonFlexible.Unit.WEEK, settings.farrington(),
					last, weeks);
		}
		catch (IllegalArgumentException ex) {
			return; // a reference period outside the history: nothing to judge
		}
		for (var period : periods) {
			if (period.alarm()) {
				alarms.add(new Alarm(AlarmMethod.FARRINGTON, period.periodStart(), lastDay, period.observed(),
						period.expected(), period.upperBound(), period.score(), period.pValue()));
			}
		}
	}

	/** The last {@code length} values, with zeros before the series' start. */
	static double[] tail(double[] daily, int length) {
		double[] out = new double[length];
		int copy = Math.min(length, daily.length);
		System.arraycopy(daily, daily.length - copy, out, length - copy, copy);
		return out;
	}

}
