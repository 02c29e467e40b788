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
 * threshold, which is why it is copied.
 */
final class QuasiPoissonGlm {

	private static final double EPSILON = 1e-8;

	private static final int MAX_ITERATIONS = 25;

	private static final double QR_TOLERANCE = 1e-11;

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
	static @Nullable Fit fit(double[] x, int p, double[] y, double @Nullable [] priorWeights) {
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
		Qr qr = null;
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
			qr = Qr.decomposeColumnMajor(xw, n, p);
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
		return new Fit(p, coef, qr, mu, w, workingWeights, residuals, nOk - qr.rank, converged, iterations, dev);
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

	/**
	 * A fitted model: what summary.glm, predict.glm and hatvalues read from R's glm
	 * object.
	 */
	static final class Fit {

		private final int p;

		private final double[] coef;

		private final Qr qr;

		private final double[] mu;

		private final double[] sqrtWeights;

		private final double[] workingWeights;

		private final double[] residuals;

		private final int dfResidual;

		private final boolean converged;

		private final int iterations;

		private final double deviance;

		Fit(int p, double[] coef, Qr qr, double[] mu, double[] sqrtWeights, double[] workingWeights, double[] residuals,
				int dfResidual, boolean converged, int iterations, double deviance) {
			this.p = p;
			this.coef = coef;
			this.qr = qr;
			this.mu = mu;
			this.sqrtWeights = sqrtWeights;
			this.workingWeights = workingWeights;
			this.residuals = residuals;
			this.dfResidual = dfResidual;
			this.converged = converged;
			this.iterations = iterations;
			this.deviance = deviance;
		}

		boolean converged() {
			return this.converged;
		}

		int iterations() {
			return this.iterations;
		}

		double deviance() {
			return this.deviance;
		}

		double[] fitted() {
			return this.mu;
		}

		int dfResidual() {
			return this.dfResidual;
		}

		/** Coefficient j (0 for an aliased column, as R's IRLS uses it; R reports NA). */
		double coefficient(int j) {
			return this.coef[j];
		}

		boolean aliased(int j) {
			return this.qr.positionOf(j) >= this.qr.rank;
		}

		/**
		 * summary.glm's dispersion: Pearson chi-square over residual degrees of freedom.
		 */
		double dispersion() {
			if (this.dfResidual <= 0) {
				return Double.NaN;
			}
			double s = 0;
			for (int i = 0; i < this.residuals.length; i++) {
				if (this.workingWeights[i] > 0) {
					s += this.workingWeights[i] * this.residuals[i] * this.residuals[i];
				}
			}
			return s / this.dfResidual;
		}

		/**
		 * The same sum with other weights in place of the working weights:
		 * {@code sum(w * r^2)[w > 0] / df} (what summary.glm returns once a caller has
		 * overwritten the model's weights).
		 */
		double dispersionWithWeights(double[] w) {
			if (this.dfResidual <= 0) {
				return Double.NaN;
			}
			double s = 0;
			for (int i = 0; i < this.residuals.length; i++) {
				if (w[i] > 0) {
					s += w[i] * this.residuals[i] * this.residuals[i];
				}
			}
			return s / this.dfResidual;
		}

		/** Unscaled variance of coefficient j, {@code (X'WX)^-1[j, j]}. */
		double unscaledVariance(int j) {
			double[] e = new double[this.p];
			e[j] = 1.0;
			return this.qr.quadraticFormInverse(e);
		}

		/** Linear predictor at x0. */
		double linearPredictor(double[] x0) {
			double e = 0;
			for (int j = 0; j < this.p; j++) {
				if (!aliased(j)) {
					e += x0[j] * this.coef[j];
				}
			}
			return e;
		}

		/**
		 * Standard error of the linear predictor at x0 with the given dispersion
		 * (predict.glm's se.fit).
		 */
		double linkStandardError(double[] x0, double dispersion) {
			return Math.sqrt(this.qr.quadraticFormInverse(x0) * dispersion);
		}

		/**
		 * Diagonal of the hat matrix of the weighted least-squares fit of the last
		 * iteration.
		 */
		double[] hatValues(double[] x) {
			int n = this.mu.length;
			double[] h = new double[n];
			double[] row = new double[this.p];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < this.p; j++) {
					row[j] = x[i * this.p + j] * this.sqrtWeights[i];
				}
				double v = this.qr.quadraticFormInverse(row);
				h[i] = v > 1 - 10 * DBL_EPSILON ? 1.0 : v;
			}
			return h;
		}

	}

	/**
	 * Householder QR with LINPACK dqrdc2's limited column pivoting: a column whose
	 * remaining norm falls below tolerance times its original norm is moved to the end
	 * and does not count towards the rank.
	 */
	static final class Qr {

		private final int n;

		private final int p;

		/**
		 * Householder vectors below the diagonal, R on and above it (column-major, n x
		 * p).
		 */
		private final double[] a;

		private final double[] qraux;

		private final int[] pivot;

		private final int rank;

		private Qr(int n, int p, double[] a, double[] qraux, int[] pivot, int rank) {
			this.n = n;
			this.p = p;
			this.a = a;
			this.qraux = qraux;
			this.pivot = pivot;
			this.rank = rank;
		}

		/**
		 * Decomposes a column-major n x p matrix in place (the array becomes the
		 * factorisation).
		 */
		static Qr decomposeColumnMajor(double[] a, int n, int p) {
			int[] pivot = new int[p];
			for (int j = 0; j < p; j++) {
				pivot[j] = j;
			}
			double[] qraux = new double[p];
			double[] norms = new double[p];
			double[] original = new double[p];
			for (int j = 0; j < p; j++) {
				norms[j] = norm(a, j * n, n);
				original[j] = norms[j] == 0 ? 1.0 : norms[j];
			}
			int lup = Math.min(n, p);
			int k = p + 1; // columns k-1.. p-1 (0-based) have been moved to the end
			for (int l = 0; l < lup; l++) {
				// cycle negligible columns to the end
				while (l + 1 < k && norms[l] < original[l] * QR_TOLERANCE) {
					rotateToEnd(a, n, p, l, pivot, norms, original);
					k--;
				}
				if (l == n - 1) {
					break;
				}
				int col = l * n;
				double nrmxl = norm(a, col + l, n - l);
				if (nrmxl == 0) {
					continue;
				}
				if (a[col + l] != 0) {
					nrmxl = Math.copySign(nrmxl, a[col + l]);
				}
				for (int i = l; i < n; i++) {
					a[col + i] /= nrmxl;
				}
				a[col + l] += 1.0;
				for (int j = l + 1; j < p; j++) {
					int cj = j * n;
					double t = 0;
					for (int i = l; i < n; i++) {
						t -= a[col + i] * a[cj + i];
					}
					t /= a[col + l];
					for (int i = l; i < n; i++) {
						a[cj + i] += t * a[col + i];
					}
					if (norms[j] != 0) {
						double tt = 1.0 - Math.pow(Math.abs(a[cj + l]) / norms[j], 2);
						tt = Math.max(tt, 0.0);
						if (Math.abs(tt) < 1e-6) {
							norms[j] = norm(a, cj + l + 1, n - l - 1);
						}
						else {
							norms[j] *= Math.sqrt(tt);
						}
					}
				}
				qraux[l] = a[col + l];
				a[col + l] = -nrmxl;
			}
			int rank = Math.min(k - 1, n);
			return new Qr(n, p, a, qraux, pivot, rank);
		}

		private static void rotateToEnd(double[] a, int n, int p, int l, int[] pivot, double[] norms,
				double[] original) {
			double[] column = Arrays.copyOfRange(a, l * n, (l + 1) * n);
			int pv = pivot[l];
			double nr = norms[l];
			double or = original[l];
			for (int j = l; j < p - 1; j++) {
				System.arraycopy(a, (j + 1) * n, a, j * n, n);
				pivot[j] = pivot[j + 1];
				norms[j] = norms[j + 1];
				original[j] = original[j + 1];
			}
			System.arraycopy(column, 0, a, (p - 1) * n, n);
			pivot[p - 1] = pv;
			norms[p - 1] = nr;
			original[p - 1] = or;
		}

		private static double norm(double[] a, int from, int len) {
			// values here are counts times weights, far from overflow: no scaling needed
			double s = 0;
			for (int i = 0; i < len; i++) {
				s += a[from + i] * a[from + i];
			}
			return Math.sqrt(s);
		}

		/** Position of original column j in pivoted order. */
		int positionOf(int j) {
			for (int i = 0; i < this.p; i++) {
				if (this.pivot[i] == j) {
					return i;
				}
			}
			throw new IllegalArgumentException("no column " + j);
		}

		/** Least-squares coefficients in original column order; aliased columns get 0. */
		double[] solve(double[] rhs) {
			double[] qty = rhs.clone();
			// apply Q' = H_{k-1} ... H_0
			for (int l = 0; l < Math.min(this.rank, this.n - 1); l++) {
				if (this.qraux[l] == 0) {
					continue;
				}
				int col = l * this.n;
				double diag = this.a[col + l];
				this.a[col + l] = this.qraux[l];
				double t = 0;
				for (int i = l; i < this.n; i++) {
					t -= this.a[col + i] * qty[i];
				}
				t /= this.a[col + l];
				for (int i = l; i < this.n; i++) {
					qty[i] += t * this.a[col + i];
				}
				this.a[col + l] = diag;
			}
			double[] b = new double[this.rank];
			for (int r = this.rank - 1; r >= 0; r--) {
				double s = qty[r];
				for (int c = r + 1; c < this.rank; c++) {
					s -= this.a[c * this.n + r] * b[c];
				}
				b[r] = s / this.a[r * this.n + r];
			}
			double[] coef = new double[this.p];
			for (int r = 0; r < this.rank; r++) {
				coef[this.pivot[r]] = b[r];
			}
			return coef;
		}

		/**
		 * x' (R'R)^-1 x over the non-aliased columns: solve R' u = x (pivoted), return
		 * |u|^2.
		 */
		double quadraticFormInverse(double[] x) {
			double[] u = new double[this.rank];
			double s2 = 0;
			for (int r = 0; r < this.rank; r++) {
				double s = x[this.pivot[r]];
				for (int c = 0; c < r; c++) {
					s -= this.a[r * this.n + c] * u[c];
				}
				u[r] = s / this.a[r * this.n + r];
				s2 += u[r] * u[r];
			}
			return s2;
		}

	}

}
