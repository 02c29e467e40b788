package org.harmwatch.analytics.temporal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.analytics.temporal.FarringtonFlexible.Options;
import org.harmwatch.analytics.temporal.FarringtonFlexible.Period;
import org.harmwatch.analytics.temporal.FarringtonFlexible.PowerTransform;
import org.harmwatch.analytics.temporal.FarringtonFlexible.ThresholdMethod;
import org.harmwatch.analytics.temporal.FarringtonFlexible.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Farrington's edges that the golden series never reach: the limits of its options and
 * ranges, baseline windows at both ends of the series (with R's silent index 0), the most
 * recent periods let into the baseline, the power transformations other than 2/3, a model
 * without trend or reweighting, and a dispersion of exactly 1 with the negative binomial
 * thresholds; and the temporal rules' refusal of an empty window.
 */
class FarringtonEdgeCasesTests {

	static final LocalDate MONDAY = LocalDate.of(2019, 1, 7);

	static List<LocalDate> weeks(int n) {
		var dates = new ArrayList<LocalDate>();
		for (int i = 0; i < n; i++) {
			dates.add(MONDAY.plusWeeks(i));
		}
		return dates;
	}

	/** Counts between 8 and 14, no trend, no season. */
	static double[] counts(int n) {
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			y[i] = 8 + (i * 37 % 7);
		}
		return y;
	}

	static Options options(int b, int w, boolean reweight, int limit54Cases, int limit54Periods,
			PowerTransform transform, int noPeriods, double alpha) {
		return new Options(b, w, reweight, 2.58, alpha, true, 0.05, limit54Cases, limit54Periods, transform, noPeriods,
				null, ThresholdMethod.DELTA);
	}

	static Period last(double[] y, Options options) {
		return FarringtonFlexible.detect(weeks(y.length), y, Unit.WEEK, options, y.length - 1, y.length).get(0);
	}

	@Test
	void optionsAcceptTheSmallestValuesAllowedAndRefuseOneLess() {
		assertThatCode(() -> options(1, 0, true, 0, 1, PowerTransform.TWO_THIRDS, 1, 0.05)).doesNotThrowAnyException();
		assertThatCode(() -> options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 1e-9)).doesNotThrowAnyException();
		assertThatCode(() -> options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 1 - 1e-9))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> options(0, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0.05))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, -1, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0.05))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 0, 0.05))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, 3, true, 5, 0, PowerTransform.TWO_THIRDS, 1, 0.05))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, 3, true, -1, 4, PowerTransform.TWO_THIRDS, 1, 0.05))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anEmptyRangeAtEitherEndEvaluatesNothingAndABackwardRangeIsRefused() {
		int n = 60;
		assertThat(FarringtonFlexible.detect(weeks(n), counts(n), Unit.WEEK, Options.defaults(), 0, 0)).isEmpty();
		assertThat(FarringtonFlexible.detect(weeks(n), counts(n), Unit.WEEK, Options.defaults(), n, n)).isEmpty();
		// a single period: too short for any evaluation, and no step between periods to
		// measure
		assertThat(FarringtonFlexible.detect(weeks(1), new double[] { 3 }, Unit.WEEK, Options.defaults())).isEmpty();
		assertThatThrownBy(() -> FarringtonFlexible.detect(weeks(n), counts(n), Unit.WEEK, Options.defaults(), 5, 4))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FarringtonFlexible.detect(weeks(n), counts(n), Unit.WEEK, Options.defaults(), -1, 4))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> FarringtonFlexible.detect(weeks(n), counts(n), Unit.WEEK, Options.defaults(), 0, n + 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void seasonalBlocksFillAtMostTheGapBetweenReferenceWindows() {
		// w = 3, a year back: 52 - 7 = 45 periods between windows, so at most 45 + 7 = 52
		// levels
		double[] y = counts(160);
		var fits = Options.defaults().withB(1).withNoPeriods(52);
		assertThatCode(() -> last(y, fits)).doesNotThrowAnyException();
		assertThatThrownBy(() -> last(y, Options.defaults().withB(1).withNoPeriods(53)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("noPeriods 53 is too big");
	}

	@Test
	void aReferenceWindowReachingPastEitherEndOfTheSeriesIsRefusedExceptRsIndexZero() {
		// w = 53: the window a year before the last period ends one past the series
		double[] y = counts(120);
		assertThatThrownBy(() -> last(y, options(1, 53, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0.05)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("leaves the series");
		// w = 3, a year back: at period 54 the reference window starts at index -1, which
		// R
		// ignores (x[0] <- v does nothing); at period 53 it starts at -2, an error in R
		// too
		var options = options(1, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0.05);
		double[] z = counts(60);
		List<Period> at54 = FarringtonFlexible.detect(weeks(60), z, Unit.WEEK, options, 54, 55);
		assertThat(at54).hasSize(1);
		assertThat(at54.get(0).expected()).isFinite();
		assertThatThrownBy(() -> FarringtonFlexible.detect(weeks(60), z, Unit.WEEK, options, 53, 54))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("leaves the series");
	}

	@Test
	void leavingOutFewerRecentPeriodsLetsARecentRiseIntoTheBaseline() {
		double[] y = counts(200);
		for (int i = 196; i < 199; i++) {
			y[i] = 40;
		}
		var usual = Options.defaults().withB(3);
		double withoutRecent = last(y, usual).expected();
		double withRecent = last(y, usual.withPastWeeksNotIncluded(0)).expected();
		assertThat(withoutRecent).isFinite();
		assertThat(withRecent).isGreaterThan(withoutRecent);
	}

	@Test
	void theRecentCasesCountReachesBackToTheFirstPeriod() {
		// b = 1, w = 2: the first evaluable period is 54; 55 recent periods go back to
		// index 0
		double[] y = counts(60);
		var options = options(1, 2, true, 5, 55, PowerTransform.TWO_THIRDS, 1, 0.05);
		Period p = FarringtonFlexible.detect(weeks(60), y, Unit.WEEK, options, 54, 55).get(0);
		assertThat(p.upperBound()).isFinite();
		assertThat(p.expected()).isFinite();
	}

	@Test
	void theDeltaMethodsThreePowerTransformationsShareOneVariance() {
		// upper = (mu^e + z * se)^(1/e); untransformed se^2 = mu * tau, square root
		// se^2 = tau / 4: both must give back the same tau from the same fit
		double[] y = counts(200);
		double z = Distributions.qnorm(0.95);
		Period none = last(y, options(3, 3, true, 5, 4, PowerTransform.NONE, 1, 0.05));
		Period half = last(y, options(3, 3, true, 5, 4, PowerTransform.HALF, 1, 0.05));
		Period twoThirds = last(y, options(3, 3, true, 5, 4, PowerTransform.TWO_THIRDS, 1, 0.05));
		double mu = none.expected();
		assertThat(half.expected()).isEqualTo(mu);
		assertThat(twoThirds.expected()).isEqualTo(mu);
		double tauNone = Math.pow((none.upperBound() - mu) / z, 2) / mu;
		double tauHalf = 4 * Math.pow((Math.sqrt(half.upperBound()) - Math.sqrt(mu)) / z, 2);
		double tauTwoThirds = Math.pow((Math.pow(twoThirds.upperBound(), 2.0 / 3) - Math.pow(mu, 2.0 / 3)) / z, 2)
				/ (4.0 / 9 * Math.pow(mu, 1.0 / 3));
		assertThat(tauNone).isGreaterThanOrEqualTo(1);
		assertThat(tauHalf).isCloseTo(tauNone, within(1e-9 * tauNone));
		assertThat(tauTwoThirds).isCloseTo(tauNone, within(1e-9 * tauNone));
	}

	@Test
	void withoutReweightingAPastOutbreakRaisesTheExpectedCount() {
		// one week of 150 a year back: its Anscombe residual (about 2.9) is above 2.58,
		// so
		// reweighting nearly ignores it
		double[] y = counts(200);
		y[199 - 52] = 150;
		var reweighting = new Options(3, 3, true, 2.58, 0.05, false, 0.05, 5, 4, PowerTransform.TWO_THIRDS, 1, null,
				ThresholdMethod.DELTA);
		var plain = new Options(3, 3, false, 2.58, 0.05, false, 0.05, 5, 4, PowerTransform.TWO_THIRDS, 1, null,
				ThresholdMethod.DELTA);
		Period reweighted = last(y, reweighting);
		Period notReweighted = last(y, plain);
		assertThat(reweighted.expected()).isBetween(8.0, 14.0);
		assertThat(notReweighted.expected()).isGreaterThan(reweighted.expected() + 4);
		assertThat(notReweighted.upperBound()).isGreaterThan(reweighted.upperBound());
	}

	@Test
	void aModelWithoutTrendIsFittedAndKept() {
		Period p = last(counts(200), Options.defaults().withB(3).withTrend(false));
		assertThat(p.trend()).isFalse();
		assertThat(p.expected()).isBetween(8.0, 14.0);
		assertThat(p.upperBound()).isGreaterThan(p.expected());
	}

	@Test
	void underdispersedCountsUseThePoissonForTheNegativeBinomialThresholds() {
		double[] y = new double[200];
		for (int i = 0; i < y.length; i++) {
			y[i] = 10 + i % 2;
		}
		for (ThresholdMethod method : List.of(ThresholdMethod.NB_PLUGIN, ThresholdMethod.MUAN)) {
			Period p = last(y, Options.defaults().withB(3).withThresholdMethod(method));
			assertThat(p.dispersion()).isEqualTo(1.0);
			assertThat(p.upperBound()).as("%s", method).isFinite().isGreaterThan(10);
		}
	}

	@Test
	void aSpikeRuleAndAWindowCountNeedAWindowLongerThanZero() {
		assertThatThrownBy(() -> new SpikeRule(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RollingWindows.countsAt(List.of(), Instant.EPOCH, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
