package org.harmwatch.analytics.temporal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What EARS and the CUSUM report before each method's first evaluated day (nothing: NaN
 * and no alarm, never an infinite statistic from an empty baseline), where each starts,
 * and the options they refuse.
 */
class DetectorFirstDaysTests {

	/**
	 * Rising counts with a jump: every evaluated day of every method has a finite
	 * statistic.
	 */
	static double[] counts(int n) {
		double[] y = new double[n];
		for (int t = 0; t < n; t++) {
			y[t] = 3 + (t % 4) + (t == n - 1 ? 20 : 0);
		}
		return y;
	}

	@ParameterizedTest
	@CsvSource({ "C1, 7, 7", "C2, 7, 9", "C3, 7, 11", "C1, 3, 3", "C2, 3, 5", "C3, 3, 7", "C2, 10, 12" })
	void nothingIsReportedBeforeTheFirstDayAndSomethingFromIt(Ears.Method method, int baseline, int first) {
		double[] y = counts(40);
		var options = new Ears.Options(baseline, 1.0, 0.0);

		Ears.Result r = Ears.detect(y, method, options);

		assertThat(Ears.firstIndex(method, baseline)).isEqualTo(first);
		assertThat(r.firstIndex()).isEqualTo(first);
		assertThat(r.method()).isEqualTo(method);
		for (int t = 0; t < first; t++) {
			assertThat(r.statistic()[t]).as("statistic on day %d", t).isNaN();
			assertThat(r.upperBound()[t]).as("upper bound on day %d", t).isNaN();
			assertThat(r.alarm()[t]).as("alarm on day %d", t).isFalse();
		}
		for (int t = first; t < y.length; t++) {
			assertThat(r.statistic()[t]).as("statistic on day %d", t).isFinite();
			assertThat(r.upperBound()[t]).as("upper bound on day %d", t).isNotNaN();
		}
		assertThat(r.alarm()[y.length - 1]).isTrue();
		int alarms = 0;
		for (boolean a : r.alarm()) {
			alarms += a ? 1 : 0;
		}
		assertThat(r.alarms()).isEqualTo(alarms).isPositive();
	}

	@Test
	void c2OnTheTwoDaysAfterItsBaselineIsNotInfiniteNorAnAlarm() {
		// a zero baseline then a rise: had C2 started on day B, its guard-banded baseline
		// would be empty (mean 0,
		// sd 0) and days B and B + 1 would report +Inf and alarm
		double[] y = new double[12];
		Arrays.fill(y, 0, 7, 1);
		y[1] = 2;
		y[7] = 9;
		y[8] = 9;

		for (Ears.Result r : Ears.detectAll(y, new Ears.Options(7, 3, 0), new Ears.Options(7, 3, 0),
				new Ears.Options(7, 2, 0))) {
			if (r.method() == Ears.Method.C1) {
				assertThat(r.alarm()[7]).isTrue();
				continue;
			}
			assertThat(r.statistic()[7]).isNaN();
			assertThat(r.statistic()[8]).isNaN();
			assertThat(r.alarm()[7]).isFalse();
			assertThat(r.alarm()[8]).isFalse();
			assertThat(r.alarms()).isZero();
		}
	}

	@Test
	void c2AndC3UseTheBaselineBeforeTheGuardBand() {
		// baseline days 0..6 are 1,2,1,2,1,2,1 (mean 10/7), day 7 and 8 are the guard
		// band
		double[] y = { 1, 2, 1, 2, 1, 2, 1, 50, 50, 4, 4, 4, 4 };
		double m = 10.0 / 7;
		// four ones and three twos
		double s = Math.sqrt((4 * (1 - m) * (1 - m) + 3 * (2 - m) * (2 - m)) / 6);

		Ears.Result c2 = Ears.detect(y, Ears.Method.C2, new Ears.Options(7, 3, 0));
		Ears.Result c3 = Ears.detect(y, Ears.Method.C3, new Ears.Options(7, 2, 0));

		assertThat(c2.statistic()[9]).isCloseTo((4 - m) / s, within(1e-12));
		assertThat(c2.upperBound()[9]).isCloseTo(m + 3 * s, within(1e-12));
		// C3 on day 11 sums max(0, C2 - 1) over days 9, 10 and 11
		double c2day10 = c2.statistic()[10];
		double c2day11 = c2.statistic()[11];
		double expected = Math.max(0, c2.statistic()[9] - 1) + Math.max(0, c2day10 - 1) + Math.max(0, c2day11 - 1);
		assertThat(c3.statistic()[11]).isCloseTo(expected, within(1e-12));
		assertThat(c3.statistic()[10]).isNaN();
		assertThat(c3.alarm()[11]).isEqualTo(expected > 2);
	}

	@ParameterizedTest
	@EnumSource(Ears.Method.class)
	void aSeriesThatEndsBeforeTheFirstDayHasNothingButNaN(Ears.Method method) {
		int first = Ears.firstIndex(method, 7);
		double[] y = counts(first);

		Ears.Result r = Ears.detect(y, method, Ears.Options.cdc(method));

		assertThat(r.firstIndex()).isEqualTo(first);
		assertThat(r.statistic()).hasSize(first).containsOnly(Double.NaN);
		assertThat(r.upperBound()).containsOnly(Double.NaN);
		assertThat(r.alarms()).isZero();
	}

	@Test
	void earsOptionsAndTheirDefaults() {
		assertThat(Ears.Options.cdc(Ears.Method.C1)).isEqualTo(new Ears.Options(7, 3.0, 0.0));
		assertThat(Ears.Options.cdc(Ears.Method.C2)).isEqualTo(new Ears.Options(7, 3.0, 0.0));
		assertThat(Ears.Options.cdc(Ears.Method.C3)).isEqualTo(new Ears.Options(7, 2.0, 0.0));
		// R: qnorm(1 - 0.001) and qnorm(1 - 0.025)
		assertThat(Ears.Options.surveillanceDefaults(Ears.Method.C1).z()).isCloseTo(3.090232306167813, within(1e-14));
		assertThat(Ears.Options.surveillanceDefaults(Ears.Method.C2).z()).isCloseTo(3.090232306167813, within(1e-14));
		assertThat(Ears.Options.surveillanceDefaults(Ears.Method.C3).z()).isCloseTo(1.959963984540054, within(1e-14));
		assertThat(Ears.Options.surveillanceDefaults(Ears.Method.C3).baseline()).isEqualTo(7);
		assertThat(Ears.Options.ofAlpha(10, 0.05, 0.5)).isEqualTo(new Ears.Options(10, Distributions.qnorm(0.95), 0.5));
		assertThat(new Ears.Options(3, 0, 0).baseline()).isEqualTo(3);
		assertThatThrownBy(() -> new Ears.Options(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Ears.Options(7, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Ears.Options(7, 3, -0.1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Ears.Options(7, 3, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void runningTogetherNeedsTheSameBaselineAndFloor() {
		var c1 = new Ears.Options(7, 3, 0);
		assertThatThrownBy(() -> Ears.detectAll(counts(30), c1, new Ears.Options(8, 3, 0), c1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ears.detectAll(counts(30), c1, c1, new Ears.Options(8, 3, 0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ears.detectAll(counts(30), c1, new Ears.Options(7, 3, 1), c1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ears.detectAll(counts(30), c1, c1, new Ears.Options(7, 3, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Ears.detectAll(counts(30), c1, new Ears.Options(7, 2, 0), new Ears.Options(7, 1, 0))).hasSize(3);
	}

	@Test
	void theSigmaFloorAppliesToC2AndC3Too() {
		double[] y = new double[16];
		Arrays.fill(y, 4);
		y[13] = 5;

		Ears.Result c2 = Ears.detect(y, Ears.Method.C2, new Ears.Options(7, 3, 0.5));
		Ears.Result c3 = Ears.detect(y, Ears.Method.C3, new Ears.Options(7, 2, 0.5));

		assertThat(c2.statistic()[13]).isEqualTo(2.0);
		assertThat(c2.upperBound()[13]).isEqualTo(5.5);
		assertThat(c2.alarm()[13]).isFalse();
		assertThat(c3.statistic()[13]).isEqualTo(1.0);
		assertThat(c3.statistic()[15]).isEqualTo(1.0);
		assertThat(c3.alarms()).isZero();
	}

	@Test
	void cusumReportsNothingDuringItsTrainingDays() {
		double[] y = counts(30);

		Cusum.Result r = Cusum.detect(y, Cusum.Options.surveillance(10));

		assertThat(r.firstIndex()).isEqualTo(10);
		for (int t = 0; t < 10; t++) {
			assertThat(r.statistic()[t]).as("day %d", t).isNaN();
			assertThat(r.upperBound()[t]).as("day %d", t).isNaN();
			assertThat(r.alarm()[t]).as("day %d", t).isFalse();
		}
		for (int t = 10; t < 30; t++) {
			assertThat(r.statistic()[t]).as("day %d", t).isFinite();
		}
		assertThat(r.alarm()[29]).isTrue();
		// the reference mean is the mean of the ten training days: 3, 4, 5, 6, 3, 4, 5,
		// 6, 3, 4
		assertThat(r.referenceMean()).isCloseTo(4.3, within(1e-12));
	}

	@Test
	void cusumWithAGivenMeanNeedsNoTrainingAndAlarmsAtH() {
		// m = 4: x = (y - 4) / 2; S = max(0, S + x - k)
		double[] y = { 4, 8, 8, 4, 0 };
		var options = new Cusum.Options(0, 4, 0.5, 2.5, false);

		Cusum.Result r = Cusum.detect(y, options);

		assertThat(r.firstIndex()).isZero();
		assertThat(r.referenceMean()).isEqualTo(4);
		assertThat(r.statistic()).containsExactly(0, 1.5, 3.0, 2.5, 0.0);
		assertThat(r.alarm()).containsExactly(false, false, true, true, false);
		// smallest alarming count: ceil(2 (h + k - S_{t-1}) + 4)
		assertThat(r.upperBound()).containsExactly(10, 10, 7, 4, 5);
		assertThat(r.alarms()).isEqualTo(2);
	}

	@Test
	void cusumUpperBoundIsNeverNegative() {
		// after a long run the sum exceeds h + k + m / sqrt(m): the bound would be
		// negative, surveillance says 0
		double[] y = { 20, 20, 20, 20 };
		Cusum.Result r = Cusum.detect(y, new Cusum.Options(0, 1, 0.5, 1, false));

		assertThat(r.upperBound()[0]).isEqualTo(Math.ceil(1.5 + 1));
		assertThat(r.upperBound()[3]).isZero();
		// a zero mean: the standardised counts are infinite and the bound is 0
		Cusum.Result zero = Cusum.detect(new double[] { 0, 0, 1 }, new Cusum.Options(0, 0, 0.5, 1, false));
		assertThat(zero.upperBound()).containsOnly(0.0);
		assertThat(zero.statistic()).containsOnly(Double.NaN);
		assertThat(zero.alarms()).isZero();
	}

	@Test
	void cusumOptionsRefuseNonsense() {
		assertThat(new Cusum.Options(0, 3, 1, 2, true).trainingDays()).isZero();
		assertThat(Cusum.Options.surveillance(365)).isEqualTo(new Cusum.Options(365, Double.NaN, 1.04, 2.26, false));
		assertThat(Cusum.Options.resetting(365)).isEqualTo(new Cusum.Options(365, Double.NaN, 1.04, 2.26, true));
		assertThatThrownBy(() -> new Cusum.Options(0, Double.NaN, 1, 2, false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(new Cusum.Options(1, Double.NaN, 1, 2, false).trainingDays()).isEqualTo(1);
		assertThatThrownBy(() -> new Cusum.Options(10, Double.NaN, 1, 0, false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Cusum.Options(10, Double.NaN, 1, Double.NaN, false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Cusum.Options(10, Double.NaN, Double.NaN, 2, false))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
