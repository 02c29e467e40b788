package org.harmwatch.analytics.hotspot;

/**
 * Tail probabilities of the standard normal distribution, to about 1e-14 relative accuracy.
 *
 * <p>{@code erfc(x)} comes from the everywhere-positive series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) /
 * (1*3*...*(2n+1))} below {@link #SERIES_LIMIT}, and from Laplace's continued fraction {@code erfc(x) = exp(-x^2) /
 * sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))} (evaluated by the modified Lentz method) above it, where
 * it converges quickly and keeps its relative accuracy far into the tail. The tests compare it with R's {@code pnorm}.
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
		return erfc(Math.abs(z) * SQRT_HALF);
	}

	/** The complementary error function for {@code x >= 0} (and NaN for NaN). */
	static double erfc(double x) {
		if (Double.isNaN(x)) {
			return Double.NaN;
		}
		if (x < SERIES_LIMIT) {
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
		return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
	}

}
