package org.harmwatch.analytics.temporal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A count series with the first day of each period, as {@link FarringtonFlexible} takes
 * it.
 *
 * @param periodStarts first day of each period
 * @param counts count per period
 */
public record PeriodSeries(List<LocalDate> periodStarts, double[] counts) {

	public PeriodSeries {
		if (periodStarts.size() != counts.length) {
			throw new IllegalArgumentException("periodStarts and counts differ in length");
		}
		periodStarts = List.copyOf(periodStarts);
	}

	/** Daily periods from {@code firstDay}. */
	public static PeriodSeries daily(LocalDate firstDay, double[] daily) {
		List<LocalDate> dates = new ArrayList<>(daily.length);
		for (int i = 0; i < daily.length; i++) {
			dates.add(firstDay.plusDays(i));
		}
		return new PeriodSeries(dates, daily.clone());
	}

	/**
	 * Sums consecutive daily counts into Monday-to-Sunday weeks; incomplete first and
	 * last weeks are dropped (the convention of the reference peer, so that every week
	 * has seven days).
	 */
	public static PeriodSeries weekly(LocalDate firstDay, double[] daily) {
		int offset = (DayOfWeek.MONDAY.getValue() - firstDay.getDayOfWeek().getValue() + 7) % 7;
		int weeks = Math.max(0, (daily.length - offset) / 7);
		List<LocalDate> dates = new ArrayList<>(weeks);
		double[] counts = new double[weeks];
		for (int w = 0; w < weeks; w++) {
			dates.add(firstDay.plusDays(offset + 7L * w));
			double s = 0;
			for (int d = 0; d < 7; d++) {
				s += daily[offset + 7 * w + d];
			}
			counts[w] = s;
		}
		return new PeriodSeries(dates, counts);
	}

}
