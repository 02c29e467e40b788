package org.harmwatch.analytics.hotspot;

/**
 * Tail probabilities of the standard normal distribution, to about 1e-14 relative accuracy.
 *
 * <p>{@code erfc(x)} comes from the everywhere-positive series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) /
 * (1*3*...*(2n+1))} below {@link #SERIES_LIMIT}, and from Laplace's continued fraction {@code erfc(x) = exp(-x^2) /
 * sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))} (evaluated by the modified Lentz method) above it, where
 * it converges quickly and keeps its relative accuracy far into the tail (the factor {@code exp(-x^2)} is computed
 * from an exact split of x^2, as in Cody's algorithm). The tests compare it with R's {@code pnorm}.
 */
final class NormalTail {

	static final double SERIES_LIMIT = 2.0;

	private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

	private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

	private static final double SQRT_HALF = Math.sqrt(0.5);

	private NormalTail() {
	}

	/** The two-sided p-value of a z-score, {@code 2 * P(Z > |z|)}; NaN for NaN. */
	static double twoSided(double z) {
		double a = Math.abs(z);
		double x = a * SQRT_HALF;
		if (x < SERIES_LIMIT || Double.isNaN(x)) {
			return erfc(x);
		}
		// exp(-x^2) = exp(-z^2 / 2), split on z itself so that the rounding of z / sqrt(2) does not enter it
		double ah = Math.floor(a * 16) / 16;
		return continuedFraction(x, Math.exp(-0.5 * ah * ah) * Math.exp(-0.5 * (a - ah) * (a + ah)));
	}

	/** The complementary error function for {@code x >= 0} (and NaN for NaN). */
	static double erfc(double x) {
		if (Double.isNaN(x)) {
			return Double.NaN;
		}
		if (x >= SERIES_LIMIT) {
			return continuedFraction(x, expMinusSquare(x));
		}
		double x2 = x * x;
		double term = x;
		double sum = x;
		for (int n = 0; n < 200; n++) {
			term *= 2.0 * x2 / (2 * n + 3);
			sum += term;
			if (term <= 1e-17 * sum) {
				break;
			}
		}
		return 1.0 - TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
	}

	/** {@code erfc(x)} for {@code x >= SERIES_LIMIT}, given {@code exp(-x^2)}. */
	private static double continuedFraction(double x, double expMinusX2) {
		if (x > 27.3) {
			return 0.0;
		}
		// modified Lentz for b0 + a1/(b1 + a2/(b2 + ...)) with b_j = x, a_j = j/2
		double tiny = 1e-300;
		double f = x;
		double c = x;
		double d = 0.0;
		for (int j = 1; j < 500; j++) {
			double a = 0.5 * j;
			d = x + a * d;
			if (d == 0.0) {
				d = tiny;
			}
			c = x + a / c;
			if (c == 0.0) {
				c = tiny;
			}
			d = 1.0 / d;
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1.0) < 1e-16) {
				break;
			}
		}
		return ONE_OVER_SQRT_PI * expMinusX2 / f;
	}

	/**
	 * {@code exp(-x^2)} without the rounding error of {@code x * x}, which {@code exp} would magnify by x^2: with
	 * {@code xh} = x rounded down to a multiple of 1/16, {@code xh^2} is exact and
	 * {@code x^2 = xh^2 + (x - xh)(x + xh)}.
	 */
	private static double expMinusSquare(double x) {
		double xh = Math.floor(x * 16) / 16;
		return Math.exp(-xh * xh) * Math.exp(-(x - xh) * (x + xh));
	}

}
