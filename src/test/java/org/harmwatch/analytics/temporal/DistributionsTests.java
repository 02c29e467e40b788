package org.harmwatch.analytics.temporal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distribution functions against values printed by R 4.2
 * (golden/temporal/distributions.R).
 */
class DistributionsTests {

	@Test
	void agreeWithR() {
		Golden ref = Golden.read("distributions.csv");
		for (int r = 0; r < ref.size(); r++) {
			String fn = ref.text(r, "fn");
			double a = ref.number(r, "a");
			double b = ref.number(r, "b");
			double c = ref.number(r, "c");
			double expected = ref.number(r, "value");
			double actual = switch (fn) {
				case "pnorm_upper" -> Distributions.pnorm(a, 0, 1, false);
				case "qnorm" -> Distributions.qnorm(a);
				case "t_two_sided" -> Distributions.studentTwoSided(a, b);
				case "qnbinom" -> Distributions.negativeBinomial(b, c).quantile(a);
				case "nb_upper" -> Distributions.negativeBinomial(b, c).upper(a);
				case "qpois" -> Distributions.poisson(b).quantile(a);
				case "pois_upper" -> Distributions.poisson(b).upper(a);
				default -> throw new IllegalStateException(fn);
			};
			double tolerance = switch (fn) {
				case "qnbinom", "qpois" -> 0.0;
				case "t_two_sided" -> 1e-12 * Math.max(expected, 1e-3);
				// recursion over thousands of terms into a 1e-124 tail: rounding
				// accumulates to about 1e-13
				case "nb_upper", "pois_upper" -> 1e-11 * Math.abs(expected) + 1e-300;
				default -> 1e-13 * Math.abs(expected) + 1e-300;
			};
			assertThat(Math.abs(actual - expected)).as("%s(%s, %s, %s): ours %s, R %s", fn, a, b, c, actual, expected)
				.isLessThanOrEqualTo(tolerance);
		}
	}

	@Test
	void normalQuantileInvertsTheDistributionFunction() {
		for (double p = 0.0005; p < 1; p += 0.0173) {
			assertThat(Distributions.pnorm(Distributions.qnorm(p), 0, 1, true)).isCloseTo(p,
					org.assertj.core.data.Offset.offset(1e-15));
		}
		assertThat(Distributions.qnorm(0)).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Distributions.qnorm(1)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(Distributions.qnorm(0.5)).isZero();
	}

	/**
	 * The quantile of the double p, relative to itself, also near p = 1/2 (where the
	 * quantile is tiny) and at the edges of the middle region: the exact values computed
	 * with mpmath at 60 digits as {@code sqrt(2) * erfinv(2p - 1)} of the binary p.
	 */
	@Test
	void normalQuantileIsAccurateRelativeToItselfNearTheMiddle() {
		double[][] exact = { { 0.4999999, -2.5066282747031065135e-7 }, { 0.5000001, 2.5066282733116483012e-7 },
				{ 0.4999999999, -2.5066284820303539022e-10 }, { 0.5000000000001, 2.5074076986292619969e-13 },
				{ 0.49, -0.025068908258711058033 }, { 0.45, -0.12566134685507400616 }, { 0.4, -0.25334710313579974132 },
				{ 0.3, -0.52440051270804081597 }, { 0.25, -0.6744897501960817432 }, { 0.2, -0.84162123357291416552 },
				{ 0.7, 0.52440051270804065631 }, { 0.75, 0.6744897501960817432 }, { 0.8, 0.8416212335729143638 },
				{ 0.1, -1.2815515655446004353 }, { 0.9, 1.2815515655446005935 } };
		for (var pair : exact) {
			double actual = Distributions.qnorm(pair[0]);
			assertThat(Math.abs(actual - pair[1])).as("qnorm(%s): ours %s, exact %s", pair[0], actual, pair[1])
				.isLessThanOrEqualTo(1e-14 * Math.abs(pair[1]));
		}
	}

	@Test
	void discreteDistributionsSumToOneAndRejectNonsense() {
		Distributions.Tabulated nb = Distributions.negativeBinomial(3.5, 0.2);
		assertThat(nb.cdf(1e6)).isEqualTo(1.0);
		assertThat(nb.upper(0)).isEqualTo(1.0);
		assertThat(nb.cdf(-1)).isZero();
		assertThat(Distributions.poisson(0).quantile(0.99)).isZero();
		assertThatThrownBy(() -> Distributions.poisson(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Distributions.negativeBinomial(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
	}

}
