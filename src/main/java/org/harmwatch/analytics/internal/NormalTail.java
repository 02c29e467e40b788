package org.harmwatch.analytics.internal;

/**
 * Tail probabilities of the standard normal distribution, to about 1e-14 relative
 * accuracy: the module's one complementary error function, used by the hotspot p-values
 * (fast, {@link #twoSided(double)}) and by the temporal detectors' {@code pnorm} and
 * {@code qnorm} ({@link #upper(double)}).
 *
 * <p>
 * {@link #twoSided(double)} reads {@code Q(z0) = P(Z > z0)} and the density
 * {@code phi(z0)} from a table at steps of 1/128 and corrects to z exactly:
 * {@code Q(z0 + d) = Q(z0) - phi(z0) * int_0^d exp(-z0 s - s^2/2) ds}, where the
 * integrand's Taylor series has the Hermite polynomials as coefficients ({@code He_{n+1}
 * = z0 He_n - n He_{n-1}}). With {@code |d| <= 1/256} and {@code z0 <= 38.5},
 * {@code |z0 d| <= 0.15} and 14 terms reach double precision. No division, no loop exit
 * test: about 30 ns.
 *
 * <p>
 * The table comes from {@link #erfc(double)}: the everywhere-positive series
 * {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1))} below
 * {@link #SERIES_LIMIT}, and Laplace's continued fraction
 * {@code erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))}
 * (modified Lentz) above it, where it keeps its relative accuracy far into the tail; the
 * factor {@code exp(-x^2)} is computed from an exact split of x^2, as in Cody's
 * algorithm. The tests compare both with R's {@code pnorm}.
 */
public final class NormalTail {

	static final double SERIES_LIMIT = 1.0;

	private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

	private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

	private static final double SQRT_HALF = Math.sqrt(0.5);

	private static final int STEPS = 128;

	/**
	 * Beyond this |z|, {@code 2 P(Z > |z|)} is below the smallest double (R's pnorm also
	 * gives 0).
	 */
	private static final double LIMIT = 38.5;

	private static final int TERMS = 14;

	private static final double[] UPPER = new double[(int) (LIMIT * STEPS) + 2];

	private static final double[] DENSITY = new double[UPPER.length];

	private static final double[] RECIPROCALS = new double[TERMS + 2];

	static {
		for (int i = 0; i < UPPER.length; i++) {
			double z0 = (double) i / STEPS;
			UPPER[i] = 0.5 * erfcOfZ(z0);
			// z0 has at most 13 significant bits, so z0 * z0 is exact
			DENSITY[i] = Math.exp(-0.5 * z0 * z0) / Math.sqrt(2 * Math.PI);
		}
		for (int n = 1; n < RECIPROCALS.length; n++) {
			RECIPROCALS[n] = 1.0 / n;
		}
	}

	private NormalTail() {
	}

	/**
	 * The two-sided p-value of a z-score, {@code 2 P(Z > |z|)}, from the table: fast
	 * enough for a million areas.
	 */
	public static double twoSided(double z) {
		double a = Math.abs(z);
		if (!(a < LIMIT)) {
			return Double.isNaN(a) ? Double.NaN : 0.0;
		}
		int i = (int) Math.rint(a * STEPS);
		double z0 = (double) i / STEPS;
		double d = a - z0; // exact: a and z0 are within 1/256 of each other
		// integral_0^d exp(-z0 s - s^2/2) ds = sum_n (-1)^n He_n(z0)/n! d^(n+1)/(n+1);
		// h_n = He_n(z0)/n!
		double previous = 0.0;
		double h = 1.0;
		double power = d;
		double integral = d;
		for (int n = 1; n <= TERMS; n++) {
			double next = (z0 * h - previous) * RECIPROCALS[n]; // h_n from h_(n-1) and
																// h_(n-2)
			previous = h;
			h = next;
			power *= -d;
			integral += h * power * RECIPROCALS[n + 1];
		}
		return 2.0 * (UPPER[i] - DENSITY[i] * integral);
	}

	/**
	 * The upper tail {@code P(Z > z)} for any z (R's
	 * {@code pnorm(z, lower.tail = FALSE)}), without the cancellation of
	 * {@code 1 - pnorm(z)}; NaN for NaN.
	 */
	public static double upper(double z) {
		if (Double.isNaN(z)) {
			return Double.NaN;
		}
		return z >= 0 ? 0.5 * erfcOfZ(z) : 1.0 - 0.5 * erfcOfZ(-z);
	}

	/**
	 * {@code erfc(z / sqrt(2)) = 2 P(Z > z)} for {@code z >= 0}, by the slow accurate
	 * method.
	 */
	static double erfcOfZ(double z) {
		double x = z * SQRT_HALF;
		if (x < SERIES_LIMIT) {
			return erfc(x);
		}
		// exp(-x^2) = exp(-z^2 / 2), split on z itself so that the rounding of z /
		// sqrt(2) does not enter it
		double zh = Math.floor(z * 16) / 16;
		return continuedFraction(x, Math.exp(-0.5 * zh * zh) * Math.exp(-0.5 * (z - zh) * (z + zh)));
	}

	/**
	 * The complementary error function, {@code 2 - erfc(-x)} for negative x, NaN for NaN.
	 */
	public static double erfc(double x) {
		if (Double.isNaN(x)) {
			return Double.NaN;
		}
		if (x < 0) {
			return 2.0 - erfc(-x);
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
		for (int j = 1; j < 5000; j++) {
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
	 * {@code exp(-x^2)} without the rounding error of {@code x * x}, which {@code exp}
	 * would magnify by x^2: with {@code xh} = x rounded down to a multiple of 1/16,
	 * {@code xh^2} is exact and {@code x^2 = xh^2 + (x - xh)(x + xh)}.
	 */
	private static double expMinusSquare(double x) {
		double xh = Math.floor(x * 16) / 16;
		return Math.exp(-xh * xh) * Math.exp(-(x - xh) * (x + xh));
	}

}
