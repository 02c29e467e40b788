package org.harmwatch.analytics;

import org.harmwatch.analytics.temporal.FarringtonFlexible;
import org.jspecify.annotations.Nullable;

/**
 * Which Farrington detector to run on daily counts, with surveillance's control
 * parameters: the variant sets the defaults, and any parameter given overrides it.
 *
 * @param variant the original method or Noufaily's improvements
 * @param unit weekly sums (from the first Monday) or the daily counts themselves
 * @param b years back
 * @param w half-width of the window around each reference period
 * @param thresholdMethod overrides the variant's (DELTA for the original, MUAN for
 * Noufaily)
 * @param powerTransform the DELTA method's transformation (2/3 unless given)
 * @param alpha one-sided level of the threshold
 * @param noPeriods seasonal levels (1 for the original, 10 for Noufaily unless given)
 * @param pastPeriodsNotIncluded most recent periods left out of the baseline (w for the
 * original, 26 for Noufaily unless given)
 * @param trend allow a linear time trend
 * @param reweight down-weight past outbreaks
 */
public record FarringtonSettings(Variant variant, FarringtonFlexible.Unit unit, int b, int w,
		FarringtonFlexible.@Nullable ThresholdMethod thresholdMethod,
		FarringtonFlexible.@Nullable PowerTransform powerTransform, double alpha, @Nullable Integer noPeriods,
		@Nullable Integer pastPeriodsNotIncluded, boolean trend, boolean reweight) {

	/** The two published forms of the method. */
	public enum Variant {

		/** Farrington et al. (1996): one seasonal level, the delta method's threshold. */
		ORIGINAL,

		/**
		 * Noufaily et al. (2013): 10 seasonal levels, 26 recent periods left out, a
		 * negative binomial threshold.
		 */
		NOUFAILY

	}

	/**
	 * Noufaily on weekly sums with b = 3, what the alarms API ran before it took
	 * settings.
	 */
	public static FarringtonSettings weeklyNoufaily() {
		return new FarringtonSettings(Variant.NOUFAILY, FarringtonFlexible.Unit.WEEK, 3, 3, null, null, 0.05, null,
				null, true, true);
	}

	/** The detector's options. */
	public FarringtonFlexible.Options options() {
		var base = this.variant == Variant.NOUFAILY ? FarringtonFlexible.Options.noufaily()
				: FarringtonFlexible.Options.defaults();
		return new FarringtonFlexible.Options(this.b, this.w, this.reweight, base.weightsThreshold(), this.alpha,
				this.trend, base.pThresholdTrend(), base.limit54Cases(), base.limit54Periods(),
				this.powerTransform != null ? this.powerTransform : base.powerTransform(),
				this.noPeriods != null ? this.noPeriods : base.noPeriods(),
				this.pastPeriodsNotIncluded != null ? this.pastPeriodsNotIncluded
						: this.variant == Variant.NOUFAILY ? base.pastWeeksNotIncluded() : null,
				this.thresholdMethod != null ? this.thresholdMethod : base.thresholdMethod());
	}

}
