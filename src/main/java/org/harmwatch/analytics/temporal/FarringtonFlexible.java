package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		FarringtonBaseline data = FarringtonBaseline.of(k, dates, epochDays, step, indexOf, observed, unit, o);
		double wtimeNow = (epochDays[k] - epochDays[data.firstIndex()]) / step;
		FarringtonModel model = FarringtonModel.fitWithTrendDecision(data, wtimeNow, o);
		double y = observed[k];
		LocalDate start = dates.get(k);
		if (model == null) {
			return new Period(k, start, y, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false, Double.NaN);
		}
		double[] x0 = model.design().row(wtimeNow, o.noPeriods());
		double eta0 = model.fit().linearPredictor(x0);
		double seEta0 = model.fit().linkStandardError(x0, model.summaryDispersion());
		double phi = model.phi();
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
		return new Period(k, start, y, expected, enoughCases ? upper : Double.NaN, score, prob, alarm, model.trend(),
				phi);
	}

}
