package org.harmwatch.analytics.temporal;

import org.harmwatch.analytics.internal.NormalTail;

/**
 * The few distribution functions the detectors need, written out so that the module
 * carries no numerical library.
 *
 * <p>
 * Accuracy (checked in DistributionsTests against values printed by R 4.2): normal tail
 * (the module's one complementary error function, {@link NormalTail}) and quantile to
 * 1e-13 relative; Student's t through the regularised incomplete beta to about 1e-13;
 * Poisson and negative binomial quantiles exactly and tails to 1e-13 relative (1e-11 deep
 * in the tail, 1e-124), computed by summing the probability mass outwards from the mode
 * and normalising, which needs no log-gamma and stays accurate for very large sizes.
 * Quantiles use R's fuzz {@code p * (1 - 64 * DBL_EPSILON)} so that they agree with
 * {@code qpois} and {@code qnbinom}.
 */
final class Distributions {

	private static final double SQRT_2PI = 2.5066282746310005024;

	private static final double DBL_EPSILON = Math.ulp(1.0);

	/**
	 * Terms smaller than this fraction of the mode's mass are left out of discrete sums.
	 */
	private static final double NEGLIGIBLE = 1e-30;

	/**
	 * Largest support a discrete distribution may span before we give up (about 80 MB of
	 * doubles).
	 */
	private static final int MAX_TERMS = 10_000_000;

	private Distributions() {
	}

	/** Standard normal density. */
	static double dnorm(double x) {
		return Math.exp(-0.5 * x * x) / SQRT_2PI;
	}

	/** Normal distribution function, {@code pnorm(x, mean, sd, lower.tail)}. */
	static double pnorm(double x, double mean, double sd, boolean lowerTail) {
		double z = (x - mean) / sd;
		if (Double.isNaN(z)) {
			return Double.NaN;
		}
		return NormalTail.upper(lowerTail ? -z : z);
	}

	/** Upper tail of the standard normal, {@code 1 - pnorm(z)} without cancellation. */
	static double normalUpper(double z) {
		return NormalTail.upper(z);
	}

	/**
	 * Standard normal quantile, {@code qnorm(p)}. In the middle (p in [0.25, 0.75])
	 * Halley steps on {@code pnorm(x) - 1/2}, computed by its series, against
	 * {@code p - 1/2}, which is exact there: the quantile is then as accurate, relative
	 * to itself, as the series (about 1e-16), also near p = 1/2, where the tail below
	 * would lose it (its difference of two numbers near 1/2 is exact only to 1e-17
	 * absolute). Outside the middle, an Abramowitz-Stegun 26.2.23 start refined by Halley
	 * steps on the tail probability, which is exact for the double {@code p} because
	 * {@code 1 - p} is exact for p in [0.5, 1].
	 */
	static double qnorm(double p) {
		if (Double.isNaN(p) || p < 0 || p > 1) {
			return Double.NaN;
		}
		if (p == 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (p == 1) {
			return Double.POSITIVE_INFINITY;
		}
		if (p == 0.5) {
			return 0.0;
		}
		if (p >= 0.25 && p <= 0.75) {
			return centralQuantile(p - 0.5); // exact (Sterbenz)
		}
		boolean upper = p > 0.5;
		double q = upper ? 1.0 - p : p; // tail probability, exact
		double t = Math.sqrt(-2.0 * Math.log(q));
		double x = t
				- (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
		// x > 0 with normalUpper(x) = q
		for (int i = 0; i < 8; i++) {
			double f = normalUpper(x) - q;
			double phi = dnorm(x);
			if (phi == 0) {
				break;
			}
			double step = f / phi;
			double next = x + step / (1.0 - x * step / 2.0);
			boolean done = Math.abs(next - x) <= 1e-16 * Math.abs(next);
			x = next;
			if (done) {
				break;
			}
		}
		return upper ? x : -x;
	}

	/** The x in [-0.675, 0.675] with {@code pnorm(x) - 1/2 = r}, for |r| <= 1/4. */
	private static double centralQuantile(double r) {
		double x = r * SQRT_2PI;
		for (int i = 0; i < 8; i++) {
			double step = (halfCentral(x) - r) / dnorm(x);
			double next = x - step / (1.0 + x * step / 2.0);
			boolean done = Math.abs(next - x) <= 1e-16 * Math.abs(next);
			x = next;
			if (done) {
				break;
			}
		}
		return x;
	}

	/**
	 * {@code pnorm(x) - 1/2} for |x| <= 0.7, accurate relative to itself: the series
	 * {@code dnorm(0) * sum (-1)^n x^(2n+1) / (2^n n! (2n+1))}, whose terms fall at least
	 * fourfold each.
	 */
	private static double halfCentral(double x) {
		double x2 = x * x / 2.0;
		double power = x; // (-1)^n x^(2n+1) / (2^n n!)
		double sum = x;
		for (int n = 1; n < 40; n++) {
			power *= -x2 / n;
			double term = power / (2 * n + 1);
			sum += term;
			if (Math.abs(term) <= 1e-18 * Math.abs(sum)) {
				break;
			}
		}
		return sum / SQRT_2PI;
	}

	/** Normal quantile with mean and standard deviation, {@code qnorm(p, mean, sd)}. */
	static double qnorm(double p, double mean, double sd) {
		return mean + sd * qnorm(p);
	}

	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
			1.5056327351493116e-7 };

	/**
	 * log Gamma(x) for x > 0 (Lanczos, g = 7), absolute error about 1e-14 for moderate x.
	 */
	static double lgamma(double x) {
		if (x < 0.5) {
			// reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1.0 - x);
		}
		double z = x - 1.0;
		double a = LANCZOS[0];
		double t = z + 7.5;
		for (int i = 1; i < 9; i++) {
			a += LANCZOS[i] / (z + i);
		}
		return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
	}

	/**
	 * Stirling's series remainder lgamma(x) - ((x - 1/2) log x - x + log sqrt(2 pi)), for
	 * x >= 10.
	 */
	private static double stirlingCorrection(double x) {
		double r = 1.0 / x;
		double r2 = r * r;
		return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
	}

	/**
	 * log Beta(a, b), without the cancellation of three large log-gammas when an argument
	 * is large.
	 */
	static double lbeta(double a, double b) {
		double p = Math.min(a, b);
		double q = Math.max(a, b);
		double lnSqrt2Pi = 0.918938533204672741780329736406;
		if (p >= 10) {
			double corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
			return -0.5 * Math.log(q) + lnSqrt2Pi + corr + (p - 0.5) * Math.log(p / (p + q))
					+ q * Math.log1p(-p / (p + q));
		}
		if (q >= 10) {
			double corr = stirlingCorrection(q) - stirlingCorrection(p + q);
			return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
		}
		return lgamma(p) + lgamma(q) - lgamma(p + q);
	}

	/**
	 * Regularised incomplete beta I_x(a, b), also given 1 - x to keep precision when x is
	 * close to 1 (Lentz's continued fraction on the side where it converges).
	 */
	static double incompleteBeta(double x, double oneMinusX, double a, double b) {
		if (x <= 0) {
			return 0.0;
		}
		if (oneMinusX <= 0) {
			return 1.0;
		}
		double lnX = x < 0.5 ? Math.log(x) : Math.log1p(-oneMinusX);
		double ln1mX = oneMinusX < 0.5 ? Math.log(oneMinusX) : Math.log1p(-x);
		double lnFront = a * lnX + b * ln1mX - lbeta(a, b);
		if (x < (a + 1) / (a + b + 2)) {
			return Math.exp(lnFront) * betaContinuedFraction(x, oneMinusX, a, b) / a;
		}
		return 1.0 - Math.exp(lnFront) * betaContinuedFraction(oneMinusX, x, b, a) / b;
	}

	private static double betaContinuedFraction(double x, double oneMinusX, double a, double b) {
		double tiny = 1e-300;
		double qab = a + b;
		double qap = a + 1;
		double qam = a - 1;
		double c = 1.0;
		double d = 1.0 - qab * x / qap;
		if (Math.abs(d) < tiny) {
			d = tiny;
		}
		d = 1.0 / d;
		double h = d;
		for (int m = 1; m <= 100_000; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
			d = 1.0 + aa * d;
			if (Math.abs(d) < tiny) {
				d = tiny;
			}
			c = 1.0 + aa / c;
			if (Math.abs(c) < tiny) {
				c = tiny;
			}
			d = 1.0 / d;
			h *= d * c;
			aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
			d = 1.0 + aa * d;
			if (Math.abs(d) < tiny) {
				d = tiny;
			}
			c = 1.0 + aa / c;
			if (Math.abs(c) < tiny) {
				c = tiny;
			}
			d = 1.0 / d;
			double del = d * c;
			h *= del;
			if (Math.abs(del - 1.0) < 1e-16) {
				break;
			}
		}
		return h;
	}

	/** Two-sided p-value of Student's t, {@code 2 * pt(-|t|, df)}. */
	static double studentTwoSided(double t, double df) {
		if (Double.isNaN(t) || Double.isNaN(df)) {
			return Double.NaN;
		}
		if (Double.isInfinite(t)) {
			return 0.0;
		}
		double t2 = t * t;
		// 2 * pt(-|t|, df) = I_{df/(df+t^2)}(df/2, 1/2)
		return incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2.0, 0.5);
	}

	/**
	 * A discrete distribution tabulated around its mode: {@code mass[i]} is proportional
	 * to P(X = lo + i) and {@code total} is their sum, so probabilities are ratios and
	 * need no normalising constant.
	 */
	record Tabulated(int lo, double[] mass, double total, Ratio ratio) {

		/** P(X <= y). */
		double cdf(double y) {
			if (Double.isNaN(y)) {
				return Double.NaN;
			}
			if (y < this.lo) {
				return 0.0; // below 1e-30 of the mode's mass
			}
			int upTo = (int) Math.min(Math.floor(y) - this.lo, this.mass.length - 1);
			return Math.min(1.0, sumRange(0, upTo) / this.total);
		}

		/**
		 * P(X >= y), accurate in relative terms far into the tail (the sum goes on past
		 * the table).
		 */
		double upper(double y) {
			if (Double.isNaN(y)) {
				return Double.NaN;
			}
			double from = Math.ceil(y) - this.lo;
			if (from <= 0) {
				return 1.0;
			}
			int last = this.mass.length - 1;
			double acc = from <= last ? sumRange((int) from, last) : 0.0;
			// continue the recursion beyond the table until the terms no longer matter
			// relative to the sum
			double term = this.mass[last];
			long x = (long) this.lo + last;
			double start = Math.ceil(y);
			for (int i = 0; i < 100_000_000; i++) {
				term *= this.ratio.next(x);
				x++;
				if (term == 0 || Double.isNaN(term)) {
					break;
				}
				if (x >= start) {
					acc += term;
					if (term < 1e-17 * acc) {
						break;
					}
				}
			}
			return Math.min(1.0, acc / this.total);
		}

		/** Smallest y with P(X <= y) >= p, with R's left-continuity fuzz. */
		double quantile(double p) {
			double target = p * (1 - 64 * DBL_EPSILON) * this.total;
			double acc = 0;
			for (int i = 0; i < this.mass.length; i++) {
				acc += this.mass[i];
				if (acc >= target) {
					return this.lo + i;
				}
			}
			return this.lo + this.mass.length - 1;
		}

		private double sumRange(int from, int to) {
			// add the smaller terms first: they sit at the ends, the mode is inside
			double s = 0;
			for (int i = from; i <= to; i++) {
				s += this.mass[i];
			}
			return s;
		}

	}

	/** Poisson(mu), {@code dpois}-proportional masses around the mode. */
	static Tabulated poisson(double mu) {
		if (!(mu >= 0) || Double.isInfinite(mu)) {
			throw new IllegalArgumentException("Poisson mean must be finite and non-negative: " + mu);
		}
		if (mu == 0) {
			return new Tabulated(0, new double[] { 1.0 }, 1.0, x -> 0.0);
		}
		return tabulate(Math.floor(mu), x -> mu / (x + 1));
	}

	/**
	 * Negative binomial with R's (size, prob) parametrisation, mean size (1 - prob) /
	 * prob.
	 */
	static Tabulated negativeBinomial(double size, double prob) {
		if (!(size > 0) || !(prob > 0) || prob > 1 || Double.isInfinite(size)) {
			throw new IllegalArgumentException(
					"negative binomial needs size > 0 and 0 < prob <= 1: " + size + ", " + prob);
		}
		if (prob == 1) {
			return new Tabulated(0, new double[] { 1.0 }, 1.0, x -> 0.0);
		}
		double q = 1 - prob;
		double mode = size > 1 ? Math.floor((size - 1) * q / prob) : 0;
		return tabulate(mode, x -> (size + x) / (x + 1) * q);
	}

	interface Ratio {

		/** P(X = x + 1) / P(X = x). */
		double next(double x);

	}

	private static Tabulated tabulate(double mode, Ratio ratio) {
		if (mode > MAX_TERMS) {
			throw new IllegalArgumentException("distribution too wide to tabulate (mode " + mode + ")");
		}
		int m = (int) mode;
		// downwards from the mode
		double[] down = new double[Math.min(m, 1024) + 1];
		int nDown = 0;
		double term = 1.0;
		for (int x = m; x > 0; x--) {
			term /= ratio.next(x - 1);
			if (term < NEGLIGIBLE || Double.isNaN(term)) {
				break;
			}
			if (nDown == down.length) {
				down = java.util.Arrays.copyOf(down, Math.min(m + 1, 2 * down.length));
			}
			down[nDown++] = term;
		}
		// upwards from the mode
		double[] up = new double[1024];
		int nUp = 0;
		up[nUp++] = 1.0;
		term = 1.0;
		for (long x = m; nUp + nDown < MAX_TERMS; x++) {
			double r = ratio.next(x);
			term *= r;
			if (term < NEGLIGIBLE && r < 1) {
				break;
			}
			if (nUp == up.length) {
				up = java.util.Arrays.copyOf(up, 2 * up.length);
			}
			up[nUp++] = term;
		}
		double[] mass = new double[nDown + nUp];
		for (int i = 0; i < nDown; i++) {
			mass[nDown - 1 - i] = down[i];
		}
		System.arraycopy(up, 0, mass, nDown, nUp);
		// sum from both ends towards the larger terms
		double total = 0;
		for (int i = 0; i < nDown; i++) {
			total += mass[i];
		}
		for (int i = mass.length - 1; i >= nDown; i--) {
			total += mass[i];
		}
		return new Tabulated(m - nDown, mass, total, ratio);
	}

}
