package org.harmwatch.analytics.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.harmwatch.analytics.AlarmDay;
import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.FarringtonSettings;
import org.harmwatch.analytics.temporal.Cusum;
import org.harmwatch.analytics.temporal.Ears;
import org.harmwatch.analytics.temporal.FarringtonFlexible;

/**
 * A temporal detector run over consecutive daily counts, day by day (EARS, CUSUM, daily
 * Farrington) or week by week (weekly Farrington), as the analytics API and other modules
 * ask for it; a series too short for the method is refused with the reason.
 */
public final class AlarmSeries {

	private AlarmSeries() {
	}

	/** Runs the method over the counts, the first of them on {@code firstDay}. */
	public static List<AlarmDay> detect(LocalDate firstDay, double[] counts, AlarmMethod method,
			FarringtonSettings farrington) {
		return switch (method) {
			case EARS_C1 -> ears(firstDay, counts, Ears.Method.C1);
			case EARS_C2 -> ears(firstDay, counts, Ears.Method.C2);
			case EARS_C3 -> ears(firstDay, counts, Ears.Method.C3);
			case CUSUM -> cusum(firstDay, counts);
			case FARRINGTON -> farrington(firstDay, counts, farrington);
		};
	}

	private static List<AlarmDay> ears(LocalDate firstDay, double[] counts, Ears.Method method) {
		var options = Ears.Options.cdc(method);
		int first = Ears.firstIndex(method, options.baseline());
		if (counts.length <= first) {
			throw new AnalyticsRequestException("counts", "EARS " + method + " needs more than " + first
					+ " days of counts; there are " + counts.length + ".");
		}
		var result = Ears.detect(counts, method, options);
		return days(firstDay, counts, result.statistic(), result.upperBound(), result.alarm());
	}

	private static List<AlarmDay> cusum(LocalDate firstDay, double[] counts) {
		int training = 28;
		if (counts.length <= training) {
			throw new AnalyticsRequestException("counts",
					"CUSUM trains on the first " + training + " days; give more than that.");
		}
		var result = Cusum.detect(counts, Cusum.Options.resetting(training));
		return days(firstDay, counts, result.statistic(), result.upperBound(), result.alarm());
	}

	private static List<AlarmDay> days(LocalDate firstDay, double[] counts, double[] statistic, double[] bound,
			boolean[] alarm) {
		var out = new ArrayList<AlarmDay>(counts.length);
		for (int i = 0; i < counts.length; i++) {
			out.add(new AlarmDay(firstDay.plusDays(i), counts[i], value(statistic, i), value(bound, i),
					i < alarm.length && alarm[i]));
		}
		return out;
	}

	private static double value(double[] values, int i) {
		return i < values.length ? values[i] : Double.NaN;
	}

	/** The most recent days a daily Farrington evaluates: one GLM fit each. */
	static final int MAX_DAILY_FARRINGTON_DAYS = 366;

	private static List<AlarmDay> farrington(LocalDate firstDay, double[] counts, FarringtonSettings settings) {
		FarringtonFlexible.Options options;
		try {
			options = settings.options();
		}
		catch (IllegalArgumentException ex) {
			throw new AnalyticsRequestException("farrington", "Farrington settings: " + ex.getMessage() + ".");
		}
		if (options.b() > 10 || options.w() > 26 || options.noPeriods() > 52 || (options.pastWeeksNotIncluded() != null
				&& (options.pastWeeksNotIncluded() < 0 || options.pastWeeksNotIncluded() > 104))) {
			throw new AnalyticsRequestException("farrington",
					"Farrington settings: b at most 10 years, w at most 26, noPeriods at most 52, "
							+ "pastPeriodsNotIncluded from 0 to 104.");
		}
		return switch (settings.unit()) {
			case WEEK -> weeklyFarrington(firstDay, counts, options);
			case DAY -> dailyFarrington(firstDay, counts, options);
			case MONTH -> throw new AnalyticsRequestException("farrington.unit",
					"Farrington runs on weekly sums (WEEK) or on the days themselves (DAY).");
		};
	}

	private static List<AlarmDay> weeklyFarrington(LocalDate firstDay, double[] counts,
			FarringtonFlexible.Options options) {
		// Weekly counts from Monday; a partial first week is dropped so every week is
		// comparable.
		var monday = firstDay.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		int offset = (int) (monday.toEpochDay() - firstDay.toEpochDay());
		int weeks = Math.max(0, (counts.length - offset) / 7);
		int first = FarringtonFlexible.firstEvaluable(FarringtonFlexible.Unit.WEEK, options);
		if (weeks <= first) {
			throw new AnalyticsRequestException("counts", "Farrington with b = " + options.b() + " needs more than "
					+ first + " whole weeks (" + options.b() + " years of history); there are " + weeks + ".");
		}
		var starts = new ArrayList<LocalDate>(weeks);
		double[] weekly = new double[weeks];
		for (int k = 0; k < weeks; k++) {
			starts.add(monday.plusWeeks(k));
			for (int d = 0; d < 7; d++) {
				weekly[k] += counts[offset + 7 * k + d];
			}
		}
		return periods(starts, weekly,
				FarringtonFlexible.detect(starts, weekly, FarringtonFlexible.Unit.WEEK, options));
	}

	private static List<AlarmDay> dailyFarrington(LocalDate firstDay, double[] counts,
			FarringtonFlexible.Options options) {
		int first = FarringtonFlexible.firstEvaluable(FarringtonFlexible.Unit.DAY, options);
		if (counts.length <= first) {
			throw new AnalyticsRequestException("counts", "Daily Farrington with b = " + options.b()
					+ " needs more than " + first + " days of counts; there are " + counts.length + ".");
		}
		var starts = new ArrayList<LocalDate>(counts.length);
		for (int d = 0; d < counts.length; d++) {
			starts.add(firstDay.plusDays(d));
		}
		int from = Math.max(first, counts.length - MAX_DAILY_FARRINGTON_DAYS);
		return periods(starts, counts,
				FarringtonFlexible.detect(starts, counts, FarringtonFlexible.Unit.DAY, options, from, counts.length));
	}

	private static List<AlarmDay> periods(List<LocalDate> starts, double[] observed,
			List<FarringtonFlexible.Period> detected) {
		var byIndex = new TreeMap<Integer, FarringtonFlexible.Period>();
		detected.forEach(period -> byIndex.put(period.index(), period));
		var out = new ArrayList<AlarmDay>(observed.length);
		for (int k = 0; k < observed.length; k++) {
			var period = byIndex.get(k);
			out.add(period == null ? new AlarmDay(starts.get(k), observed[k], Double.NaN, Double.NaN, false)
					: new AlarmDay(starts.get(k), observed[k], period.score(), period.upperBound(), period.alarm()));
		}
		return out;
	}

}
