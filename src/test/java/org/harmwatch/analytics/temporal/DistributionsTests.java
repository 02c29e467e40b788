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
