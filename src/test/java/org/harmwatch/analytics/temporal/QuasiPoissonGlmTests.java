package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The GLM behind Farrington on the fits the golden series never produce: a rank-deficient
 * design (a column that repeats another, as R's glm reports NA for it) and a fit that
 * does not converge in 25 iterations; and Farrington itself on a baseline too small for
 * its model.
 */
class QuasiPoissonGlmTests {

	static final double[] Y = { 2, 3, 5, 4, 7, 8, 6, 9 };

	/** Row-major design of the given columns. */
	static double[] design(double[]... columns) {
		int n = columns[0].length;
		int p = columns.length;
		double[] x = new double[n * p];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < p; j++) {
				x[i * p + j] = columns[j][i];
			}
		}
		return x;
	}

	static double[] filled(double v) {
		double[] a = new double[Y.length];
		java.util.Arrays.fill(a, v);
		return a;
	}

	static double[] time(double factor) {
		double[] a = new double[Y.length];
		for (int i = 0; i < a.length; i++) {
			a[i] = factor * i;
		}
		return a;
	}

	@Test
	void aRepeatedColumnIsAliasedAndTheFitIsThatOfTheModelWithoutIt() {
		var full = QuasiPoissonGlm.fit(design(filled(1), time(1)), 2, Y, null);
		var deficient = QuasiPoissonGlm.fit(design(filled(1), time(1), time(2)), 3, Y, null);

		assertThat(full).isNotNull();
		assertThat(deficient).isNotNull();
		assertThat(full.converged()).isTrue();
		assertThat(deficient.converged()).isTrue();
		assertThat(deficient.aliased(0)).isFalse();
		assertThat(deficient.aliased(1)).isFalse();
		assertThat(deficient.aliased(2)).isTrue();
		assertThat(deficient.coefficient(2)).isZero();
		assertThat(deficient.coefficient(0)).isCloseTo(full.coefficient(0), within(1e-12));
		assertThat(deficient.coefficient(1)).isCloseTo(full.coefficient(1), within(1e-12));
		assertThat(deficient.dfResidual()).isEqualTo(full.dfResidual()).isEqualTo(Y.length - 2);
		assertThat(deficient.deviance()).isCloseTo(full.deviance(), within(1e-12));
		assertThat(deficient.dispersion()).isCloseTo(full.dispersion(), within(1e-12));
		assertThat(deficient.fitted()).containsExactly(full.fitted(), within(1e-12));
		assertThat(deficient.linearPredictor(new double[] { 1, 9, 18 }))
			.isCloseTo(full.linearPredictor(new double[] { 1, 9 }), within(1e-12));
		assertThat(deficient.linkStandardError(new double[] { 1, 9, 18 }, 1.3))
			.isCloseTo(full.linkStandardError(new double[] { 1, 9 }, 1.3), within(1e-12));
		assertThat(deficient.unscaledVariance(1)).isCloseTo(full.unscaledVariance(1), within(1e-12));
		assertThat(deficient.hatValues(design(filled(1), time(1), time(2))))
			.containsExactly(full.hatValues(design(filled(1), time(1))), within(1e-12));
		// the hat values of a two-parameter fit add up to two
		assertThat(java.util.Arrays.stream(full.hatValues(design(filled(1), time(1)))).sum()).isCloseTo(2,
				within(1e-12));
	}

	@Test
	void anAliasedColumnInTheMiddleIsMovedToTheEnd() {
		var full = QuasiPoissonGlm.fit(design(filled(1), time(1)), 2, Y, null);
		var middle = QuasiPoissonGlm.fit(design(filled(1), filled(3), time(1)), 3, Y, null);

		assertThat(middle.aliased(1)).isTrue();
		assertThat(middle.aliased(2)).isFalse();
		assertThat(middle.coefficient(2)).isCloseTo(full.coefficient(1), within(1e-12));
		assertThat(middle.fitted()).containsExactly(full.fitted(), within(1e-12));
		var zero = QuasiPoissonGlm.fit(design(filled(1), filled(0), time(1)), 3, Y, null);
		assertThat(zero.aliased(1)).isTrue();
		assertThat(zero.fitted()).containsExactly(full.fitted(), within(1e-12));
	}

	@Test
	void interceptOnlyFitsTheMeanAndItsDispersionIsPearsons() {
		var fit = QuasiPoissonGlm.fit(filled(1), 1, Y, null);
		double mean = java.util.Arrays.stream(Y).average().orElseThrow();

		assertThat(Math.exp(fit.coefficient(0))).isCloseTo(mean, within(1e-9));
		for (double m : fit.fitted()) {
			assertThat(m).isCloseTo(mean, within(1e-9));
		}
		double pearson = 0;
		for (double y : Y) {
			pearson += (y - mean) * (y - mean) / mean;
		}
		// from the last iteration's working weights and residuals, as R's: within 1e-5 of
		// the converged Pearson sum
		assertThat(fit.dispersion()).isCloseTo(pearson / (Y.length - 1), within(1e-4));
		// with other weights in place of the working weights: sum(w r^2) / df over the
		// working residuals (y - mu) / mu
		double working = 0;
		for (double y : Y) {
			working += 2 * (y - mean) * (y - mean) / (mean * mean);
		}
		assertThat(fit.dispersionWithWeights(filled(2))).isCloseTo(working / (Y.length - 1), within(1e-6));
		double[] someZero = filled(2);
		someZero[0] = 0;
		assertThat(fit.dispersionWithWeights(someZero))
			.isCloseTo((working - 2 * (Y[0] - mean) * (Y[0] - mean) / (mean * mean)) / (Y.length - 1), within(1e-6));
		assertThat(fit.unscaledVariance(0)).isCloseTo(1 / (mean * Y.length), within(1e-6));
		assertThat(fit.iterations()).isBetween(2, 10);
	}

	@Test
	void aFitWithNoResidualDegreesOfFreedomHasNoDispersion() {
		var fit = QuasiPoissonGlm.fit(new double[] { 1, 0, 1, 1 }, 2, new double[] { 3, 5 }, null);

		assertThat(fit.dfResidual()).isZero();
		assertThat(fit.dispersion()).isNaN();
		assertThat(fit.dispersionWithWeights(new double[] { 1, 1 })).isNaN();
		assertThat(fit.fitted()).containsExactly(new double[] { 3, 5 }, within(1e-9));
	}

	@Test
	void aFitThatHasNotSettledAfter25IterationsSaysSo() {
		// zero counts with enormous prior weights: each IRLS step lowers their log mean
		// by one, and the deviance they
		// carry still moves by more than 1e-8 of itself after 25 steps
		double[] y = { 0, 0, 0, 5, 6, 7 };
		double[] group = { 1, 1, 1, 0, 0, 0 };
		double[] ones = { 1, 1, 1, 1, 1, 1 };
		double[] heavy = { 1e12, 1e12, 1e12, 1, 1, 1 };

		var stuck = QuasiPoissonGlm.fit(design(ones, group), 2, y, heavy);
		var settled = QuasiPoissonGlm.fit(design(ones, group), 2, y, null);

		assertThat(stuck.converged()).isFalse();
		assertThat(stuck.iterations()).isEqualTo(25);
		assertThat(settled.converged()).isTrue();
		assertThat(settled.iterations()).isLessThan(25);
		assertThat(settled.fitted()[3]).isCloseTo(6, within(1e-9));
		assertThat(settled.fitted()[0]).isLessThan(1e-7);
	}

	@Test
	void farringtonOnABaselineOfOnePeriodRaisesNoAlarmAndNoError() {
		// b = 1, w = 0: one reference week, so the trend column is aliased and no
		// dispersion can be estimated
		double[] counts = new double[60];
		java.util.Arrays.fill(counts, 3);
		counts[59] = 40;
		List<LocalDate> weeks = new java.util.ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			weeks.add(LocalDate.of(2020, 1, 6).plusWeeks(i));
		}
		var options = new FarringtonFlexible.Options(1, 0, true, 2.58, 0.05, true, 0.05, 5, 4,
				FarringtonFlexible.PowerTransform.TWO_THIRDS, 1, null, FarringtonFlexible.ThresholdMethod.DELTA);

		var periods = FarringtonFlexible.detect(weeks, counts, FarringtonFlexible.Unit.WEEK, options, 55, 60);

		assertThat(periods).hasSize(5)
			.noneMatch(FarringtonFlexible.Period::alarm)
			.noneMatch(FarringtonFlexible.Period::trend)
			.allSatisfy(p -> assertThat(p.dispersion()).isNaN())
			.allSatisfy(p -> assertThat(p.upperBound()).isNaN());
	}

}
