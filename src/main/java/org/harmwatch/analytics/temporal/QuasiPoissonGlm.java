package org.harmwatch.analytics.temporal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A log-link (quasi-)Poisson GLM fitted exactly as R's {@code glm.fit} does it, so that
 * Farrington thresholds agree with R to rounding.
 *
 * <p>
 * Same start ({@code mustart = y + 0.1}), same iteratively reweighted least squares with
 * Householder QR and R's limited column pivoting (tolerance 1e-11), same stopping rule
 * ({@code |dev - devold| / (|dev| + 0.1) < 1e-8}, at most 25 iterations), and the same
 * bookkeeping afterwards: the working weights, the QR factor and hence the covariance,
 * hat values and dispersion all come from the last iteration's weights, while the fitted
 * means come from its coefficients. That mismatch is tiny but not negligible at 1e-6 on a
 * threshold, which is why it is copied. The result and its diagnostics are a
 * {@link QuasiPoissonFit}; the QR is a {@link HouseholderQr}.
 */
final class QuasiPoissonGlm {

	private static final double EPSILON = 1e-8;

	private static final int MAX_ITERATIONS = 25;

	private static final double DBL_EPSILON = Math.ulp(1.0);

	private QuasiPoissonGlm() {
	}

	/**
	 * Fits {@code y ~ X} with prior weights.
	 * @param x design matrix, row-major, n rows of p columns
	 * @param y responses (non-negative)
	 * @param priorWeights prior weights, or null for all ones
	 * @return the fit, or null when IRLS found no valid coefficients
	 */
	static @Nullable QuasiPoissonFit fit(double[] x, int p, double[] y, double @Nullable [] priorWeights) {
		int n = y.length;
		double[] weights = priorWeights != null ? priorWeights : filled(n, 1.0);
		double[] eta = new double[n];
		double[] mu = new double[n];
		for (int i = 0; i < n; i++) {
			eta[i] = Math.log(y[i] + 0.1);
			mu[i] = linkinv(eta[i]);
		}
		double devold = deviance(y, mu, weights);
		boolean converged = false;
		double[] coef = new double[p];
		double @Nullable [] coefold = null;
		double[] w = new double[n];
		HouseholderQr qr = null;
		double dev = devold;
		int iterations = 0;
		for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
			iterations = iter;
			double[] xw = new double[n * p]; // column-major, handed to the QR as is
			double[] zw = new double[n];
			for (int i = 0; i < n; i++) {
				double muEta = linkinv(eta[i]);
				double z = eta[i] + (y[i] - mu[i]) / muEta;
				w[i] = Math.sqrt(weights[i] * muEta * muEta / mu[i]);
				for (int j = 0; j < p; j++) {
					xw[j * n + i] = x[i * p + j] * w[i];
				}
				zw[i] = z * w[i];
			}
			// rows with zero prior weight carry no information: R drops them; here they
			// are zero rows, same result
			qr = HouseholderQr.decomposeColumnMajor(xw, n, p);
			double[] solved = qr.solve(zw);
			boolean finite = true;
			for (double c : solved) {
				finite &= Double.isFinite(c);
			}
			if (!finite) {
				return null;
			}
			coef = solved;
			computeEta(x, p, coef, eta, mu);
			dev = deviance(y, mu, weights);
			if (!Double.isFinite(dev) || !validMu(mu)) {
				if (coefold == null) {
					return null;
				}
				int halvings = 0;
				while (!Double.isFinite(dev) || !validMu(mu)) {
					if (++halvings > MAX_ITERATIONS) {
						return null;
					}
					for (int j = 0; j < p; j++) {
						coef[j] = (coef[j] + coefold[j]) / 2;
					}
					computeEta(x, p, coef, eta, mu);
					dev = deviance(y, mu, weights);
				}
			}
			if (Math.abs(dev - devold) / (0.1 + Math.abs(dev)) < EPSILON) {
				converged = true;
				break;
			}
			devold = dev;
			coefold = coef.clone();
		}
		if (qr == null) {
			return null;
		}
		double[] workingWeights = new double[n];
		double[] residuals = new double[n];
		for (int i = 0; i < n; i++) {
			workingWeights[i] = w[i] * w[i];
			residuals[i] = (y[i] - mu[i]) / linkinv(eta[i]);
		}
		int nOk = 0;
		for (double wt : weights) {
			if (wt != 0) {
				nOk++;
			}
		}
		return new QuasiPoissonFit(p, coef, qr, mu, w, workingWeights, residuals, nOk - qr.rank(), converged,
				iterations, dev);
	}

	private static boolean validMu(double[] mu) {
		for (double m : mu) {
			if (!(m > 0) || Double.isInfinite(m)) {
				return false;
			}
		}
		return true;
	}

	private static void computeEta(double[] x, int p, double[] coef, double[] eta, double[] mu) {
		int n = eta.length;
		for (int i = 0; i < n; i++) {
			double e = 0;
			for (int j = 0; j < p; j++) {
				e += x[i * p + j] * coef[j];
			}
			eta[i] = e;
			mu[i] = linkinv(e);
		}
	}

	/** R's poisson()$linkinv and mu.eta: {@code pmax(exp(eta), .Machine$double.eps)}. */
	private static double linkinv(double eta) {
		return Math.max(Math.exp(eta), DBL_EPSILON);
	}

	private static double deviance(double[] y, double[] mu, double[] wt) {
		double d = 0;
		for (int i = 0; i < y.length; i++) {
			double r = y[i] > 0 ? wt[i] * (y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i])) : mu[i] * wt[i];
			d += 2 * r;
		}
		return d;
	}

	private static double[] filled(int n, double v) {
		double[] a = new double[n];
		Arrays.fill(a, v);
		return a;
	}

}
