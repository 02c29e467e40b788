package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Farrington flexible outbreak detection (Farrington et al. 1996 with the Noufaily et al.
 * 2013 improvements), step for step as R surveillance 1.20.3's
 * {@code farringtonFlexible}.
 *
 * <p>
 * For each evaluated period t the baseline is the periods within +-w of t one, two, ... b
 * years earlier (and, with {@code noPeriods > 1}, the rest of those years split into
 * {@code noPeriods - 1} seasonal blocks, a factor in the model), minus the last
 * {@code pastWeeksNotIncluded} periods. A quasi-Poisson log-linear GLM with an optional
 * linear trend is fitted, refitted with weights that down-weight past outbreaks (Anscombe
 * residuals above {@code weightsThreshold}), and the trend is kept only if significant,
 * at least three years back and not extrapolating beyond the baseline's maximum. The
 * threshold is the 1 - alpha quantile from the 2/3-power transformation
 * ({@link ThresholdMethod#DELTA}) or a negative binomial quantile
 * ({@link ThresholdMethod#MUAN}, {@link ThresholdMethod#NB_PLUGIN}). An alarm needs a
 * score above 1, a non-zero count and at least {@code limit54Cases} cases in the last
 * {@code limit54Periods} periods.
 *
 * <p>
 * Surveillance quirks kept on purpose so that results match: with MUAN and NB_PLUGIN the
 * score divides by the distance of the threshold from the linear predictor (log scale),
 * not from the expected count; the standard error of the prediction uses the estimated
 * dispersion even when it is below 1 while the threshold uses max(dispersion, 1); a year
 * back from 29 February is 1 March. The population offset option is not implemented
 * (counts only).
 */
public final class FarringtonFlexible {

	/** Period of a series; the number is surveillance's frequency (periods per year). */
	public enum Unit {

		DAY(365), WEEK(52), MONTH(12);

		private final int frequency;

		Unit(int frequency) {
			this.frequency = frequency;
		}

		public int frequency() {
			return this.frequency;
		}

	}

	/** How the upper bound is computed from the fitted model. */
	public enum ThresholdMethod {

		/**
		 * Farrington's original: power-transformed normal approximation with the delta
		 * method.
		 */
		DELTA,
		/** Noufaily: negative binomial quantile at the predicted mean. */
		NB_PLUGIN,
		/**
		 * Noufaily: negative binomial quantile at the upper 1 - alpha quantile of the
		 * predicted mean.
		 */
		MUAN

	}

	/** The power transformation of the DELTA method. */
	public enum PowerTransform {

		NONE(1.0), HALF(0.5), TWO_THIRDS(2.0 / 3.0);

		private final double exponent;

		PowerTransform(double exponent) {
			this.exponent = exponent;
		}

	}

	/**
	 * Control parameters, named as in surveillance.
	 *
	 * @param b years back
	 * @param w half-width of the window around each reference period
	 * @param reweight down-weight past outbreaks
	 * @param weightsThreshold Anscombe residual above which an observation is
	 * down-weighted
	 * @param alpha one-sided level of the threshold
	 * @param trend allow a linear time trend
	 * @param pThresholdTrend significance needed to keep the trend
	 * @param limit54Cases with limit54Periods: no alarm unless this many cases ...
	 * @param limit54Periods ... in the last this many periods
	 * @param powerTransform DELTA method's transformation
	 * @param noPeriods number of seasonal levels (1: only the reference windows are used)
	 * @param pastWeeksNotIncluded most recent periods left out of the baseline; null
	 * means w
	 * @param thresholdMethod how the threshold is computed
	 */
	public record Options(int b, int w, boolean reweight, double weightsThreshold, double alpha, boolean trend,
			double pThresholdTrend, int limit54Cases, int limit54Periods, PowerTransform powerTransform, int noPeriods,
			@Nullable Integer pastWeeksNotIncluded, ThresholdMethod thresholdMethod) {

		public Options {
			if (b < 1 || w < 0 || noPeriods < 1 || limit54Periods < 1 || limit54Cases < 0) {
				throw new IllegalArgumentException("need b >= 1, w >= 0, noPeriods >= 1, limit54 periods >= 1");
			}
			if (!(alpha > 0 && alpha < 1)) {
				throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
			}
		}

		/**
		 * surveillance's defaults: b 5, w 3, reweighting at 2.58, alpha 0.05, trend,
		 * limit54 (5, 4), 2/3 power.
		 */
		public static Options defaults() {
			return new Options(5, 3, true, 2.58, 0.05, true, 0.05, 5, 4, PowerTransform.TWO_THIRDS, 1, null,
					ThresholdMethod.DELTA);
		}

		/**
		 * The "improved Farrington" of Noufaily et al.: 10 seasonal levels, 26 recent
		 * weeks left out, MUAN.
		 */
		public static Options noufaily() {
			return defaults().withNoPeriods(10).withPastWeeksNotIncluded(26).withThresholdMethod(ThresholdMethod.MUAN);
		}

		public Options withB(int years) {
			return new Options(years, this.w, this.reweight, this.weightsThreshold, this.alpha, this.trend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, this.noPeriods,
					this.pastWeeksNotIncluded, this.thresholdMethod);
		}

		public Options withNoPeriods(int levels) {
			return new Options(this.b, this.w, this.reweight, this.weightsThreshold, this.alpha, this.trend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, levels,
					this.pastWeeksNotIncluded, this.thresholdMethod);
		}

		public Options withPastWeeksNotIncluded(@Nullable Integer periods) {
			return new Options(this.b, this.w, this.reweight, this.weightsThreshold, this.alpha, this.trend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, this.noPeriods,
					periods, this.thresholdMethod);
		}

		public Options withThresholdMethod(ThresholdMethod method) {
			return new Options(this.b, this.w, this.reweight, this.weightsThreshold, this.alpha, this.trend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, this.noPeriods,
					this.pastWeeksNotIncluded, method);
		}

		public Options withAlpha(double level) {
			return new Options(this.b, this.w, this.reweight, this.weightsThreshold, level, this.trend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, this.noPeriods,
					this.pastWeeksNotIncluded, this.thresholdMethod);
		}

		public Options withTrend(boolean allowTrend) {
			return new Options(this.b, this.w, this.reweight, this.weightsThreshold, this.alpha, allowTrend,
					this.pThresholdTrend, this.limit54Cases, this.limit54Periods, this.powerTransform, this.noPeriods,
					this.pastWeeksNotIncluded, this.thresholdMethod);
		}

		int excludedRecent() {
			return this.pastWeeksNotIncluded != null ? this.pastWeeksNotIncluded : this.w;
		}

	}

	/**
	 * The outcome for one period. Values surveillance reports as NA are NaN here.
	 *
	 * @param index position in the series
	 * @param periodStart first day of the period
	 * @param observed count
	 * @param expected predicted count (NaN if too few recent cases or no threshold)
	 * @param upperBound threshold (NaN if too few recent cases)
	 * @param score surveillance's score; above 1 means above the threshold
	 * @param pValue probability of a count at least this large under the model
	 * @param alarm whether the period alarms
	 * @param trend whether the final model kept the time trend
	 * @param dispersion max(1, estimated dispersion) of the final model
	 */
	public record Period(int index, LocalDate periodStart, double observed, double expected, double upperBound,
			double score, double pValue, boolean alarm, boolean trend, double dispersion) {
	}

	private FarringtonFlexible() {
	}

	/**
	 * The first index surveillance evaluates by default: {@code freq * b + w} (0-based).
	 */
	public static int firstEvaluable(Unit unit, Options options) {
		return unit.frequency() * options.b() + options.w();
	}

	/**
	 * Runs the detector on periods {@code from} (inclusive) to {@code to} (exclusive).
	 * @param periodStarts first day of each period, consecutive periods of the unit
	 * @param observed count per period (NaN for missing)
	 * @throws IllegalArgumentException if a reference period b years back is outside the
	 * series
	 */
	public static List<Period> detect(List<LocalDate> periodStarts, double[] observed, Unit unit, Options options,
			int from, int to) {
		if (periodStarts.size() != observed.length) {
			throw new IllegalArgumentException("periodStarts and observed differ in length");
		}
		if (from < 0 || to > observed.length || from > to) {
			throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the series");
		}
		Map<LocalDate, Integer> indexOf = new HashMap<>();
		long[] epochDays = new long[observed.length];
		for (int i = 0; i < observed.length; i++) {
			indexOf.put(periodStarts.get(i), i);
			epochDays[i] = periodStarts.get(i).toEpochDay();
		}
		double step = observed.length > 1 ? epochDays[1] - epochDays[0] : 1;
		// each period is an independent fit: long ranges go to the common fork-join pool,
		// in order
		IntStream ks = IntStream.range(from, to);
		if (to - from >= 16) {
			ks = ks.parallel();
		}
		return ks.mapToObj(k -> evaluate(k, periodStarts, epochDays, step, indexOf, observed, unit, options)).toList();
	}

	/** Runs the detector on every period from {@link #firstEvaluable} to the end. */
	public static List<Period> detect(List<LocalDate> periodStarts, double[] observed, Unit unit, Options options) {
		return detect(periodStarts, observed, unit, options, Math.min(firstEvaluable(unit, options), observed.length),
				observed.length);
	}

	private static Period evaluate(int k, List<LocalDate> dates, long[] epochDays, double step,
			Map<LocalDate, Integer> indexOf, double[] observed, Unit unit, Options o) {
		Baseline data = baseline(k, dates, epochDays, step, indexOf, observed, unit, o);
		double wtimeNow = (epochDays[k] - epochDays[data.firstIndex]) / step;
		Model model = fitWithTrendDecision(data, wtimeNow, o);
		double y = observed[k];
		LocalDate start = dates.get(k);
		if (model == null) {
			return new Period(k, start, y, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false, Double.NaN);
		}
		double[] x0 = model.design.row(wtimeNow, o.noPeriods());
		double eta0 = model.fit.linearPredictor(x0);
		double seEta0 = model.fit.linkStandardError(x0, model.summaryDispersion);
		double phi = model.phi;
		double upper;
		double score;
		double prob;
		double expectedIfFinite;
		if (o.thresholdMethod() == ThresholdMethod.DELTA) {
			double mu0 = Math.max(Math.exp(eta0), Math.ulp(1.0));
			double se0 = seEta0 * mu0;
			double tau = phi + se0 * se0 / mu0;
			double e = o.powerTransform().exponent;
			double se = switch (o.powerTransform()) {
				case NONE -> Math.sqrt(mu0 * tau);
				case HALF -> Math.sqrt(0.25 * tau);
				case TWO_THIRDS -> Math.sqrt(4.0 / 9.0 * Math.pow(mu0, 1.0 / 3.0) * tau);
			};
			upper = Math.pow(Math.pow(mu0, e) + Distributions.qnorm(1 - o.alpha()) * se, 1 / e);
			prob = Distributions.pnorm(Math.pow(y, e), Math.pow(mu0, e), se, false);
			score = Double.isNaN(upper) ? Double.NaN : (y - mu0) / (upper - mu0);
			expectedIfFinite = mu0;
		}
		else {
			double mu0Quantile = o.thresholdMethod() == ThresholdMethod.NB_PLUGIN ? Math.exp(eta0)
					: Math.exp(Distributions.qnorm(1 - o.alpha(), eta0, seEta0));
			if (Double.isInfinite(mu0Quantile) || Double.isNaN(mu0Quantile)) {
				upper = Double.NaN;
				prob = Double.NaN;
			}
			else {
				Distributions.Tabulated dist = phi > 1
						? Distributions.negativeBinomial(mu0Quantile / (phi - 1), 1 / phi)
						: Distributions.poisson(mu0Quantile);
				upper = dist.quantile(1 - o.alpha());
				prob = dist.upper(y);
			}
			score = Double.isNaN(upper) ? Double.NaN : (y - eta0) / (upper - eta0);
			expectedIfFinite = Math.exp(eta0);
		}
		double recent = 0;
		for (int i = k - o.limit54Periods() + 1; i <= k; i++) {
			recent += i >= 0 ? observed[i] : Double.NaN;
		}
		boolean enoughCases = recent >= o.limit54Cases();
		double expected = enoughCases && !Double.isNaN(upper) ? expectedIfFinite : Double.NaN;
		boolean alarm = enoughCases && !Double.isNaN(score) && score > 1 && y != 0;
		return new Period(k, start, y, expected, enoughCases ? upper : Double.NaN, score, prob, alarm, model.trend,
				phi);
	}

	/** The rows of the baseline GLM. */
	private record Baseline(int firstIndex, double[] wtime, int[] level, double[] response) {
	}

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

	private static Baseline baseline(int k, List<LocalDate> dates, long[] epochDays, double step,
			Map<LocalDate, Integer> indexOf, double[] observed, Unit unit, Options o) {
		LocalDate day = dates.get(k);
		int b = o.b();
		int w = o.w();
		int p = o.noPeriods();
		// reference time points: the same period 1..b years back (the nearest same
		// weekday for weeks)
		int[] reference = new int[b + 1];
		for (int i = 0; i <= b; i++) {
			LocalDate ref = yearsBack(day, i);
			if (unit == Unit.WEEK) {
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
		return new Baseline(first, wtime, level, response);
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

	/**
	 * Column layout of the model: intercept, optional trend, one dummy per seasonal level
	 * after the first.
	 */
	private record Design(boolean trend, int[] levels) {

		int columns() {
			return 1 + (this.trend ? 1 : 0) + Math.max(0, this.levels.length - 1);
		}

		double[] row(double wtime, int level) {
			double[] r = new double[columns()];
			r[0] = 1.0;
			int c = 1;
			if (this.trend) {
				r[c++] = wtime;
			}
			for (int l = 1; l < this.levels.length; l++) {
				r[c++] = this.levels[l] == level ? 1.0 : 0.0;
			}
			return r;
		}

		double[] matrix(Baseline data) {
			int p = columns();
			double[] x = new double[data.response.length * p];
			for (int i = 0; i < data.response.length; i++) {
				System.arraycopy(row(data.wtime[i], data.level[i]), 0, x, i * p, p);
			}
			return x;
		}

	}

	/**
	 * A fitted model. {@code summaryDispersion} is what summary.glm and predict.glm
	 * report for surveillance's model object: after reweighting, surveillance overwrites
	 * the glm's working weights with the prior weights omega, so that dispersion is
	 * {@code sum(omega * r^2) / df} with working residuals r, not the Pearson statistic.
	 * It drives the trend's t-test and the prediction's standard error; phi (the
	 * threshold's overdispersion) is computed before the overwrite.
	 */
	private record Model(Design design, QuasiPoissonGlm.Fit fit, double phi, double summaryDispersion, boolean trend) {
	}

	private static @Nullable Model fitWithTrendDecision(Baseline data, double wtimeNow, Options o) {
		int[] levels = new int[0];
		if (o.noPeriods() != 1) {
			TreeSet<Integer> distinct = new TreeSet<>();
			for (int l : data.level) {
				distinct.add(l);
			}
			levels = distinct.stream().mapToInt(Integer::intValue).toArray();
		}
		Model model = fitFlexible(data, o.trend(), levels, o);
		if (model == null) {
			return null;
		}
		if (model.design.trend) {
			double[] x0 = model.design.row(wtimeNow, o.noPeriods());
			int trendColumn = 1;
			double tValue = model.fit.coefficient(trendColumn)
					/ Math.sqrt(model.summaryDispersion * model.fit.unscaledVariance(trendColumn));
			boolean significant = !model.fit.aliased(trendColumn)
					&& Distributions.studentTwoSided(tValue, model.fit.dfResidual()) < o.pThresholdTrend();
			double predicted = Math.max(Math.exp(model.fit.linearPredictor(x0)), Math.ulp(1.0));
			double max = Double.NEGATIVE_INFINITY;
			for (double r : data.response) {
				max = Math.max(max, r);
			}
			boolean doTrend = o.b() >= 3 && significant && predicted <= max;
			if (doTrend) {
				return model;
			}
			return fitFlexible(data, false, levels, o);
		}
		return model;
	}

	/**
	 * surveillance's algo.farrington.fitGLM.flexible: fit, fall back to no trend,
	 * reweight, refit.
	 */
	private static @Nullable Model fitFlexible(Baseline data, boolean trend, int[] levels, Options o) {
		Design design = new Design(trend, levels);
		double[] x = design.matrix(data);
		QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(x, design.columns(), data.response, null);
		if (fit == null || !fit.converged()) {
			if (!trend) {
				return null;
			}
			design = new Design(false, levels);
			x = design.matrix(data);
			fit = QuasiPoissonGlm.fit(x, design.columns(), data.response, null);
			if (fit == null || !fit.converged()) {
				return null;
			}
		}
		double phi = Math.max(fit.dispersion(), 1.0);
		if (o.reweight()) {
			double[] s = anscombeResiduals(fit, x, data.response, phi);
			double[] omega = weights(s, o.weightsThreshold());
			fit = QuasiPoissonGlm.fit(x, design.columns(), data.response, omega);
			if (fit == null) {
				return null;
			}
			phi = Math.max(fit.dispersion(), 1.0);
			return new Model(design, fit, phi, fit.dispersionWithWeights(omega), design.trend);
		}
		return new Model(design, fit, phi, fit.dispersion(), design.trend);
	}

	private static double[] anscombeResiduals(QuasiPoissonGlm.Fit fit, double[] x, double[] y, double phi) {
		double[] mu = fit.fitted();
		double[] h = fit.hatValues(x);
		double[] s = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			double a = 1.5 * (Math.pow(y[i], 2.0 / 3.0) * Math.pow(mu[i], -1.0 / 6.0) - Math.sqrt(mu[i]));
			s[i] = a / Math.sqrt(phi * (1 - h[i]));
		}
		return s;
	}

	private static double[] weights(double[] s, double threshold) {
		double sum = 0;
		for (double v : s) {
			sum += v > threshold ? 1 / (v * v) : 1.0;
		}
		double gamma = s.length / sum;
		double[] omega = new double[s.length];
		for (int i = 0; i < s.length; i++) {
			omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
		}
		return omega;
	}

}
