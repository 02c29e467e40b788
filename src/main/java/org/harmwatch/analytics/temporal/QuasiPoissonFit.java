package org.harmwatch.analytics.temporal;

/**
 * A fitted {@link QuasiPoissonGlm}: what summary.glm, predict.glm and hatvalues read from
 * R's glm object.
 */
final class QuasiPoissonFit {

	private static final double DBL_EPSILON = Math.ulp(1.0);

	private final int p;

	private final double[] coef;

	private final HouseholderQr qr;

	private final double[] mu;

	private final double[] sqrtWeights;

	private final double[] workingWeights;

	private final double[] residuals;

	private final int dfResidual;

	private final boolean converged;

	private final int iterations;

	private final double deviance;

	QuasiPoissonFit(int p, double[] coef, HouseholderQr qr, double[] mu, double[] sqrtWeights, double[] workingWeights,
			double[] residuals, int dfResidual, boolean converged, int iterations, double deviance) {
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
		return this.qr.positionOf(j) >= this.qr.rank();
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
	 * Diagonal of the hat matrix of the weighted least-squares fit of the last iteration.
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
