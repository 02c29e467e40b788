package org.harmwatch.analytics.temporal;

import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The fitted model of one Farrington period, and surveillance's fitting steps: trend
 * decision, fall-back without trend, and the reweighting that down-weights past
 * outbreaks.
 *
 * <p>
 * {@code summaryDispersion} is what summary.glm and predict.glm report for surveillance's
 * model object: after reweighting, surveillance overwrites the glm's working weights with
 * the prior weights omega, so that dispersion is {@code sum(omega * r^2) / df} with
 * working residuals r, not the Pearson statistic. It drives the trend's t-test and the
 * prediction's standard error; phi (the threshold's overdispersion) is computed before
 * the overwrite.
 *
 * @param design the columns of the model
 * @param fit the final fit
 * @param phi max(1, dispersion) before the weights are overwritten
 * @param summaryDispersion the dispersion summary.glm reports
 * @param trend whether the final model has the time trend
 */
record FarringtonModel(FarringtonModel.Design design, QuasiPoissonFit fit, double phi, double summaryDispersion,
		boolean trend) {

	/**
	 * Column layout of the model: intercept, optional trend, one dummy per seasonal level
	 * after the first.
	 */
	record Design(boolean trend, int[] levels) {

		int columns() {
			return 1 + (this.trend ? 1 : 0) + Math.max(0, this.levels.length - 1);
		}

		double[] row(double wtime, int level) {
			double[] r = new double[columns()];
			r[0] = 1.0;
			int c = 1;
			if (this.trend) {
				r[c++] = wtime;
			}
			for (int l = 1; l < this.levels.length; l++) {
				r[c++] = this.levels[l] == level ? 1.0 : 0.0;
			}
			return r;
		}

		double[] matrix(FarringtonBaseline data) {
			int p = columns();
			double[] x = new double[data.response().length * p];
			for (int i = 0; i < data.response().length; i++) {
				System.arraycopy(row(data.wtime()[i], data.level()[i]), 0, x, i * p, p);
			}
			return x;
		}

	}

	/**
	 * The model of one period: fitted with the trend if allowed, which is kept only if
	 * significant, at least three years back and not predicting above the baseline's
	 * maximum.
	 * @return the model, or null if no fit converged
	 */
	static @Nullable FarringtonModel fitWithTrendDecision(FarringtonBaseline data, double wtimeNow,
			FarringtonFlexible.Options o) {
		int[] levels = new int[0];
		if (o.noPeriods() != 1) {
			TreeSet<Integer> distinct = new TreeSet<>();
			for (int l : data.level()) {
				distinct.add(l);
			}
			levels = distinct.stream().mapToInt(Integer::intValue).toArray();
		}
		FarringtonModel model = fitFlexible(data, o.trend(), levels, o);
		if (model == null) {
			return null;
		}
		if (model.design().trend()) {
			double[] x0 = model.design().row(wtimeNow, o.noPeriods());
			int trendColumn = 1;
			double tValue = model.fit().coefficient(trendColumn)
					/ Math.sqrt(model.summaryDispersion() * model.fit().unscaledVariance(trendColumn));
			boolean significant = !model.fit().aliased(trendColumn)
					&& Distributions.studentTwoSided(tValue, model.fit().dfResidual()) < o.pThresholdTrend();
			double predicted = Math.max(Math.exp(model.fit().linearPredictor(x0)), Math.ulp(1.0));
			double max = Double.NEGATIVE_INFINITY;
			for (double r : data.response()) {
				max = Math.max(max, r);
			}
			boolean doTrend = o.b() >= 3 && significant && predicted <= max;
			if (doTrend) {
				return model;
			}
			return fitFlexible(data, false, levels, o);
		}
		return model;
	}

	/**
	 * surveillance's algo.farrington.fitGLM.flexible: fit, fall back to no trend,
	 * reweight, refit.
	 */
	private static @Nullable FarringtonModel fitFlexible(FarringtonBaseline data, boolean trend, int[] levels,
			FarringtonFlexible.Options o) {
		Design design = new Design(trend, levels);
		double[] x = design.matrix(data);
		QuasiPoissonFit fit = QuasiPoissonGlm.fit(x, design.columns(), data.response(), null);
		if (fit == null || !fit.converged()) {
			if (!trend) {
				return null;
			}
			design = new Design(false, levels);
			x = design.matrix(data);
			fit = QuasiPoissonGlm.fit(x, design.columns(), data.response(), null);
			if (fit == null || !fit.converged()) {
				return null;
			}
		}
		double phi = Math.max(fit.dispersion(), 1.0);
		if (o.reweight()) {
			double[] s = anscombeResiduals(fit, x, data.response(), phi);
			double[] omega = weights(s, o.weightsThreshold());
			fit = QuasiPoissonGlm.fit(x, design.columns(), data.response(), omega);
			if (fit == null) {
				return null;
			}
			phi = Math.max(fit.dispersion(), 1.0);
			return new FarringtonModel(design, fit, phi, fit.dispersionWithWeights(omega), design.trend());
		}
		return new FarringtonModel(design, fit, phi, fit.dispersion(), design.trend());
	}

	private static double[] anscombeResiduals(QuasiPoissonFit fit, double[] x, double[] y, double phi) {
		double[] mu = fit.fitted();
		double[] h = fit.hatValues(x);
		double[] s = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			double a = 1.5 * (Math.pow(y[i], 2.0 / 3.0) * Math.pow(mu[i], -1.0 / 6.0) - Math.sqrt(mu[i]));
			s[i] = a / Math.sqrt(phi * (1 - h[i]));
		}
		return s;
	}

	private static double[] weights(double[] s, double threshold) {
		double sum = 0;
		for (double v : s) {
			sum += v > threshold ? 1 / (v * v) : 1.0;
		}
		double gamma = s.length / sum;
		double[] omega = new double[s.length];
		for (int i = 0; i < s.length; i++) {
			omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
		}
		return omega;
	}

}
