package org.harmwatch.analytics.temporal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The branches of the distribution functions the golden series do not reach: log Beta
 * when both arguments are 10 or more, log Gamma below 1/2 (the reflection), and NaN for
 * NaN or for a probability outside [0, 1]. References printed by mpmath with 40 digits
 * ({@code mp.log(mp.beta(a, b))}, {@code mp.loggamma(x)}).
 */
class DistributionsBranchesTests {

	@ParameterizedTest
	@CsvSource({ "12.5, 30, -25.908683991310075412", "30, 12.5, -25.908683991310075412",
			"10, 10, -13.736229227036554814", "40, 2000.5, -197.80169821374316441", "15, 15.5, -21.2253355103151132" })
	void logBetaOfTwoLargeArguments(double a, double b, double expected) {
		assertThat(Distributions.lbeta(a, b)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
	}

	@ParameterizedTest
	@CsvSource({ "0.3, 1.0957979948180755606", "0.1, 2.252712651734205902", "0.001, 6.9071788853838536617",
			"0.49, 0.59224962933526705574" })
	void logGammaBelowOneHalfByReflection(double x, double expected) {
		assertThat(Distributions.lgamma(x)).isCloseTo(expected, within(1e-13 * Math.abs(expected)));
	}

	@Test
	void nanInOrAProbabilityOutsideZeroToOneGivesNaN() {
		assertThat(Distributions.qnorm(-0.1)).isNaN();
		assertThat(Distributions.qnorm(1.5)).isNaN();
		assertThat(Distributions.qnorm(Double.NaN)).isNaN();
		assertThat(Distributions.pnorm(Double.NaN, 0, 1, true)).isNaN();
		assertThat(Distributions.pnorm(1, Double.NaN, 1, false)).isNaN();
		assertThat(Distributions.studentTwoSided(Double.NaN, 5)).isNaN();
		assertThat(Distributions.studentTwoSided(2, Double.NaN)).isNaN();
		assertThat(Distributions.poisson(3.5).cdf(Double.NaN)).isNaN();
		assertThat(Distributions.poisson(3.5).upper(Double.NaN)).isNaN();
		// and the numbers either side of them are not
		assertThat(Distributions.qnorm(0.975)).isCloseTo(1.959963984540054, within(1e-14));
		assertThat(Distributions.pnorm(1.959963984540054, 0, 1, true)).isCloseTo(0.975, within(1e-15));
		assertThat(Distributions.studentTwoSided(Double.POSITIVE_INFINITY, 5)).isZero();
	}

}
