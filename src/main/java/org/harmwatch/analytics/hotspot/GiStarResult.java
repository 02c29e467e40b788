package org.harmwatch.analytics.hotspot;

import org.jspecify.annotations.Nullable;

/**
 * Gi* per area: z-score, normal p-value, neighbourhood size and (if permutations ran)
 * pseudo p-values, with Benjamini-Hochberg q-values and hot/cold classes derived on
 * request. Immutable; arrays handed out are copies.
 */
public final class GiStarResult {

	private final double[] z;

	private final double[] p;

	private final int[] neighbourhoodSizes;

	private final int permutations;

	private final int @Nullable [] atLeast;

	private final int @Nullable [] atMost;

	GiStarResult(double[] z, double[] p, int[] neighbourhoodSizes, int permutations, int @Nullable [] atLeast,
			int @Nullable [] atMost) {
		this.z = z;
		this.p = p;
		this.neighbourhoodSizes = neighbourhoodSizes;
		this.permutations = permutations;
		this.atLeast = atLeast;
		this.atMost = atMost;
	}

	/** The number of areas. */
	public int size() {
		return z.length;
	}

	/** The Gi* z-score of area i; NaN where undefined (see {@link GetisOrdGiStar}). */
	public double z(int i) {
		return z[i];
	}

	/** All z-scores, in area order. */
	public double[] zScores() {
		return z.clone();
	}

	/** The two-sided normal p-value of area i; NaN where z is NaN. */
	public double pValue(int i) {
		return p[i];
	}

	/** All two-sided normal p-values, in area order. */
	public double[] pValues() {
		return p.clone();
	}

	/**
	 * How many areas make up area i's neighbourhood, itself included (k nearest with k =
	 * 8 gives 9).
	 */
	public int neighbourhoodSize(int i) {
		return neighbourhoodSizes[i];
	}

	/** The number of permutations drawn, 0 if none. */
	public int permutations() {
		return permutations;
	}

	/** Whether permutation pseudo p-values were computed. */
	public boolean hasPermutations() {
		return permutations > 0;
	}

	/**
	 * How many permutations gave area i a neighbourhood sum at least the observed one; -1
	 * if undefined.
	 */
	public int permutationsAtLeast(int i) {
		return counts(atLeast)[i];
	}

	/**
	 * How many permutations gave area i a neighbourhood sum at most the observed one; -1
	 * if undefined.
	 */
	public int permutationsAtMost(int i) {
		int[] most = counts(atMost);
		return counts(atLeast)[i] < 0 ? -1 : most[i];
	}

	/**
	 * The folded pseudo p-value {@code (min(H, L) + 1) / (N + 1)} of area i: the share of
	 * permutations at least as extreme as the observed sum, in the direction it lies
	 * (PySAL's {@code p_sim}, spdep's {@code Pr(folded) Sim}). NaN when no value could be
	 * drawn (a single area under {@link Randomisation#SPDEP_LOCALG_PERM}).
	 */
	public double foldedPseudoPValue(int i) {
		int hi = counts(atLeast)[i];
		if (hi < 0) {
			return Double.NaN;
		}
		int lo = counts(atMost)[i];
		return (Math.min(hi, lo) + 1.0) / (permutations + 1.0);
	}

	/**
	 * The two-sided pseudo p-value {@code min(1, 2 (min(H, L) + 1) / (N + 1))} of area i.
	 */
	public double pseudoPValue(int i) {
		return Math.min(1.0, 2.0 * foldedPseudoPValue(i));
	}

	/** All two-sided pseudo p-values, in area order. */
	public double[] pseudoPValues() {
		counts(atLeast);
		double[] values = new double[size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = pseudoPValue(i);
		}
		return values;
	}

	/**
	 * The p-values {@code significance} names, adjusted by Benjamini-Hochberg if it is an
	 * FDR kind.
	 * @param significance which p-values
	 * @return one value per area, NaN where undefined
	 */
	public double[] qValues(Significance significance) {
		return switch (significance) {
			case NORMAL -> pValues();
			case NORMAL_FDR -> FalseDiscoveryRate.benjaminiHochberg(p);
			case PERMUTATION -> pseudoPValues();
			case PERMUTATION_FDR -> FalseDiscoveryRate.benjaminiHochberg(pseudoPValues());
		};
	}

	/**
	 * Hot, cold or not significant, per area: significant when the chosen (adjusted)
	 * p-value is at most {@code alpha}; hot when z is above zero, cold when below. NaN z
	 * or p is never significant.
	 * @param alpha the significance level (or false discovery rate for the FDR kinds), in
	 * (0, 1)
	 * @param significance which p-values decide
	 * @return one class per area
	 */
	public HotspotClass[] classify(double alpha, Significance significance) {
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, but was " + alpha);
		}
		double[] decisive = qValues(significance);
		HotspotClass[] classes = new HotspotClass[size()];
		for (int i = 0; i < classes.length; i++) {
			double zi = z[i];
			if (decisive[i] <= alpha && zi > 0) {
				classes[i] = HotspotClass.HOT;
			}
			else if (decisive[i] <= alpha && zi < 0) {
				classes[i] = HotspotClass.COLD;
			}
			else {
				classes[i] = HotspotClass.NOT_SIGNIFICANT;
			}
		}
		return classes;
	}

	private int[] counts(int @Nullable [] counts) {
		if (counts == null) {
			throw new IllegalStateException("no permutations were drawn: pass Permutations to GetisOrdGiStar.compute");
		}
		return counts;
	}

}
