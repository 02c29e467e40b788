package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of one period's Farrington GLM: which earlier periods form the baseline, their
 * time since the first of them, their seasonal level and their counts.
 *
 * <p>
 * Built as surveillance's {@code algo.farrington} and {@code farringtonFlexible} build
 * them: reference periods 1..b years back (the nearest same weekday for weeks), windows
 * of +-w around them, with {@code noPeriods > 1} the rest of each year split into
 * seasonal blocks, minus the most recent {@code pastWeeksNotIncluded} periods; missing
 * counts dropped.
 *
 * @param firstIndex series index of the first baseline period (time 0 of the trend)
 * @param wtime time of each row in periods since {@code firstIndex}
 * @param level seasonal level of each row (1 is the reference windows)
 * @param response count of each row
 */
record FarringtonBaseline(int firstIndex, double[] wtime, int[] level, double[] response) {

	/**
	 * R's {@code seq(date, by = "-1 year")}: 29 February goes to 1 March in a common
	 * year.
	 */
	static LocalDate yearsBack(LocalDate date, int years) {
		int y = date.getYear() - years;
		if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !Year.isLeap(y)) {
			return LocalDate.of(y, 3, 1);
		}
		return LocalDate.of(y, date.getMonthValue(), date.getDayOfMonth());
	}

	/**
	 * The baseline of period {@code k}.
	 * @throws IllegalArgumentException if a reference period or window leaves the series,
	 * or {@code noPeriods} does not fit
	 */
	static FarringtonBaseline of(int k, List<LocalDate> dates, long[] epochDays, double step,
			Map<LocalDate, Integer> indexOf, double[] observed, FarringtonFlexible.Unit unit,
			FarringtonFlexible.Options o) {
		LocalDate day = dates.get(k);
		int b = o.b();
		int w = o.w();
		int p = o.noPeriods();
		// reference time points: the same period 1..b years back (the nearest same
		// weekday for weeks)
		int[] reference = new int[b + 1];
		for (int i = 0; i <= b; i++) {
			LocalDate ref = yearsBack(day, i);
			if (unit == FarringtonFlexible.Unit.WEEK) {
				int dayToGet = day.getDayOfWeek().getValue() % 7; // R's %w: Sunday 0
				int actual = ref.getDayOfWeek().getValue() % 7;
				LocalDate a = ref.minusDays(actual - dayToGet);
				LocalDate bb = a.plusDays(a.isAfter(ref) ? -7 : 7);
				long da = Math.abs(a.toEpochDay() - ref.toEpochDay());
				long db = Math.abs(bb.toEpochDay() - ref.toEpochDay());
				ref = da > db ? bb : a;
			}
			Integer idx = indexOf.get(ref);
			if (idx == null) {
				throw new IllegalArgumentException("reference period " + ref + " (" + i + " years before " + day
						+ ") is not in the series; decrease b or evaluate later periods");
			}
			reference[i] = idx;
		}
		// surveillance sorts the reference indexes in decreasing order (now, 1 year back,
		// ...)
		int[] referenceWeeks = reference.clone();
		Arrays.sort(referenceWeeks);
		reverse(referenceWeeks);
		int n = observed.length;
		int[] factors = new int[n]; // 0 = NA
		assign(factors, k - w, k, p);
		for (int i = 1; i <= b; i++) {
			int refWeek = referenceWeeks[i];
			assign(factors, refWeek - w, refWeek + w, p);
			if (p != 1) {
				int period = referenceWeeks[i - 1] - 2 * w - 1 - refWeek;
				if (period < p - (2 * w + 1)) {
					throw new IllegalArgumentException("noPeriods " + p + " is too big for this series");
				}
				int length = period / (p - 1);
				int rest = period % (p - 1);
				int[] cum = new int[p];
				for (int j = 1; j < p; j++) {
					cum[j] = cum[j - 1] + length + (j <= rest ? 1 : 0);
				}
				for (int j = 1; j < p; j++) {
					// R's a:b also counts down when b < a; copy that for zero-length
					// blocks
					assign(factors, refWeek + w + 1 + cum[j - 1], refWeek + w + 1 + cum[j] - 1, j);
				}
			}
		}
		int excludeFrom = Math.max(0, k - o.excludedRecent());
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (factors[i] != 0 && !(i >= excludeFrom && i <= k)) {
				rows.add(i);
			}
		}
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("no baseline periods before index " + k);
		}
		int first = rows.get(0);
		List<Integer> kept = new ArrayList<>();
		for (int i : rows) {
			if (!Double.isNaN(observed[i])) {
				kept.add(i);
			}
		}
		double[] wtime = new double[kept.size()];
		int[] level = new int[kept.size()];
		double[] response = new double[kept.size()];
		for (int r = 0; r < kept.size(); r++) {
			int i = kept.get(r);
			wtime[r] = (epochDays[i] - epochDays[first]) / step;
			level[r] = factors[i];
			response[r] = observed[i];
		}
		return new FarringtonBaseline(first, wtime, level, response);
	}

	private static void assign(int[] factors, int a, int b, int value) {
		// R silently ignores index 0 (our -1) in x[0:5] <- v; anything further out is an
		// error there too
		int lo = Math.max(Math.min(a, b), a == -1 || b == -1 ? 0 : Math.min(a, b));
		int hi = Math.max(a, b);
		if (lo < 0 || hi >= factors.length) {
			throw new IllegalArgumentException("baseline window [" + lo + ", " + hi + "] leaves the series");
		}
		for (int i = lo; i <= hi; i++) {
			factors[i] = value;
		}
	}

	private static void reverse(int[] a) {
		for (int i = 0, j = a.length - 1; i < j; i++, j--) {
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

}
