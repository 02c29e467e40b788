package org.harmwatch.analytics.hotspot;

import java.util.SplittableRandom;

import org.harmwatch.analytics.internal.NormalTail;
import org.jspecify.annotations.Nullable;

/**
 * The Getis-Ord Gi* local statistic: does area i sit among high (hot) or low (cold)
 * values?
 *
 * <p>
 * The conventions are those of {@code spdep::localG} with {@code include.self} and of
 * ArcGIS Hot Spot Analysis (Ord and Getis 1995). Area i belongs to its own neighbourhood
 * with weight {@code w_ii = 1}; with {@code W_i = sum_j w_ij} and
 * {@code S1_i = sum_j w_ij^2} (sums over all j, i included), the mean {@code xbar} of all
 * n values and {@code s^2 = sum (x - xbar)^2 / n} (divisor n, not n - 1):
 *
 * <pre>
 * z_i = (sum_j w_ij x_j - xbar W_i) / (s sqrt((n S1_i - W_i^2) / (n - 1)))
 * </pre>
 *
 * The p-value is two-sided, {@code 2 P(Z > |z_i|)}, with no correction for multiple
 * testing; ask the result for Benjamini-Hochberg q-values
 * ({@link GiStarResult#qValues(Significance)}) to control the false discovery rate.
 *
 * <p>
 * Undefined cases give {@code z = NaN} (and p = NaN), never an exception, and such areas
 * are never classed as hotspots: when all values are equal (s = 0, nothing to find), and
 * for an area whose neighbourhood takes in every area with equal weights
 * ({@code n S1_i = W_i^2}: its sum is the grand total whatever the values; this covers a
 * single area). An area with no neighbours is compared on its own value:
 * {@code z_i = (x_i - xbar) / s}, as spdep does with {@code zero.policy = TRUE}.
 *
 * <p>
 * Permutation pseudo p-values ({@link Permutations}) count, for each area, the random
 * neighbourhoods whose weighted sum is at least (H) and at most (L) the observed one
 * (values within 1e-12 relative count as equal, on both sides), and report the folded
 * {@code (min(H, L) + 1) / (N + 1)} (spdep's {@code Pr(folded) Sim} apart from ties) and
 * the two-sided {@code min(1, 2 (min(H, L) + 1) / (N + 1))}.
 *
 * <p>
 * Large inputs run on the common fork-join pool. Stateless and thread-safe.
 */
public final class GetisOrdGiStar {

	private static final int CHUNK = 2048;

	private static final double TIE_TOLERANCE = 1e-12;

	private GetisOrdGiStar() {
	}

	/**
	 * Gi* z-scores and normal p-values of {@code values} under {@code weights}.
	 * @param values one finite value per area (counts, rates)
	 * @param weights the neighbours; each area is added to its own neighbourhood with
	 * weight 1
	 * @return z, p and neighbourhood sizes per area
	 */
	public static GiStarResult compute(double[] values, SpatialWeights weights) {
		return compute(values, weights, null);
	}

	/**
	 * Gi* z-scores, normal p-values and, if {@code permutations} is given, permutation
	 * pseudo p-values.
	 * @param values one finite value per area (counts, rates)
	 * @param weights the neighbours; each area is added to its own neighbourhood with
	 * weight 1
	 * @param permutations how to draw permutations, or null for none
	 * @return z, p, neighbourhood sizes and pseudo p-values per area
	 */
	public static GiStarResult compute(double[] values, SpatialWeights weights, @Nullable Permutations permutations) {
		int n = values.length;
		if (weights.size() != n) {
			throw new IllegalArgumentException(
					"there are " + n + " values but the weights describe " + weights.size() + " areas");
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		double total = 0;
		for (int i = 0; i < n; i++) {
			double v = values[i];
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("value " + i + " is not a finite number: " + v);
			}
			min = Math.min(min, v);
			max = Math.max(max, v);
			total += v;
		}
		double mean = n == 0 ? 0 : total / n;
		double squares = 0;
		for (int i = 0; i < n; i++) {
			double d = values[i] - mean;
			squares += d * d;
		}
		boolean constant = n == 0 || min == max;
		double sd = Math.sqrt(squares / n);

		int[] offsets = weights.offsetsArray();
		int[] targets = weights.neighboursArray();
		double[] w = weights.weightsArray();
		double[] z = new double[n];
		double[] p = new double[n];
		double[] lagSums = new double[n];
		double[] weightSums = new double[n];
		Chunks.run(n, CHUNK, chunk -> {
			int end = Math.min(n, (chunk + 1) * CHUNK);
			for (int i = chunk * CHUNK; i < end; i++) {
				double lag = values[i];
				double wSum = 1.0;
				double wSquares = 1.0;
				if (w == null) {
					for (int s = offsets[i]; s < offsets[i + 1]; s++) {
						lag += values[targets[s]];
					}
					wSum += offsets[i + 1] - offsets[i];
					wSquares = wSum;
				}
				else {
					for (int s = offsets[i]; s < offsets[i + 1]; s++) {
						lag += w[s] * values[targets[s]];
						wSum += w[s];
						wSquares += w[s] * w[s];
					}
				}
				lagSums[i] = lag;
				weightSums[i] = wSum;
				double spread = n * wSquares - wSum * wSum;
				double zi;
				if (constant || !(spread > 1e-12 * n * wSquares)) {
					zi = Double.NaN;
				}
				else {
					zi = (lag - mean * wSum) / (sd * Math.sqrt(spread / (n - 1)));
				}
				z[i] = zi;
				p[i] = NormalTail.twoSided(zi);
			}
		});
		if (permutations == null) {
			return new GiStarResult(z, p, neighbourhoodSizes(offsets), 0, null, null);
		}
		int count = permutations.count();
		int[] atLeast = new int[n];
		int[] atMost = new int[n];
		double maxAbs = Math.max(Math.abs(min), Math.abs(max));
		boolean conditional = permutations.randomisation() == Randomisation.CONDITIONAL;
		// few large chunks: each copies the values once as its scratch pool
		int permutationChunk = Math.max(CHUNK, n / (8 * Runtime.getRuntime().availableProcessors()) + 1);
		Chunks.run(n, permutationChunk, chunk -> {
			double[] pool = values.clone();
			int begin = chunk * permutationChunk;
			int end = Math.min(n, begin + permutationChunk);
			int[] swaps = new int[maxRow(offsets, begin, end)];
			for (int i = begin; i < end; i++) {
				SplittableRandom random = new SplittableRandom(mix(permutations.seed(), i));
				double observed = lagSums[i];
				double tolerance = TIE_TOLERANCE * maxAbs * (w == null ? weightSums[i] : absoluteSum(w, offsets, i));
				int start = offsets[i];
				int k = offsets[i + 1] - start;
				int others = n - 1;
				if (!conditional && others == 0) {
					atLeast[i] = -1;
					continue;
				}
				// the other n - 1 values occupy pool[0 .. n-2]: move area i's value to
				// the end
				swap(pool, i, n - 1);
				int hi = 0;
				int lo = 0;
				for (int draw = 0; draw < count; draw++) {
					double sum;
					if (conditional) {
						// partial Fisher-Yates over the others, undone afterwards: k
						// distinct values in O(k)
						sum = values[i];
						for (int t = 0; t < k; t++) {
							int r = t + random.nextInt(others - t);
							swaps[t] = r;
							swap(pool, t, r);
							sum += (w == null ? 1.0 : w[start + t]) * pool[t];
						}
						for (int t = k - 1; t >= 0; t--) {
							swap(pool, t, swaps[t]);
						}
					}
					else {
						sum = pool[random.nextInt(others)];
						for (int t = 0; t < k; t++) {
							sum += (w == null ? 1.0 : w[start + t]) * pool[random.nextInt(others)];
						}
					}
					if (sum >= observed - tolerance) {
						hi++;
					}
					if (sum <= observed + tolerance) {
						lo++;
					}
				}
				swap(pool, i, n - 1);
				atLeast[i] = hi;
				atMost[i] = lo;
			}
		});
		return new GiStarResult(z, p, neighbourhoodSizes(offsets), count, atLeast, atMost);
	}

	private static double absoluteSum(double[] w, int[] offsets, int i) {
		double sum = 1.0;
		for (int s = offsets[i]; s < offsets[i + 1]; s++) {
			sum += Math.abs(w[s]);
		}
		return sum;
	}

	private static int maxRow(int[] offsets, int begin, int end) {
		int max = 0;
		for (int i = begin; i < end; i++) {
			max = Math.max(max, offsets[i + 1] - offsets[i]);
		}
		return max;
	}

	private static void swap(double[] a, int i, int j) {
		double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	/**
	 * A well-mixed seed for area {@code i} (the SplitMix64 finaliser), so areas draw
	 * independent streams.
	 */
	private static long mix(long seed, int i) {
		long z = seed + 0x9E3779B97F4A7C15L * (i + 1L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static int[] neighbourhoodSizes(int[] offsets) {
		int n = offsets.length - 1;
		int[] sizes = new int[n];
		for (int i = 0; i < n; i++) {
			sizes[i] = offsets[i + 1] - offsets[i] + 1;
		}
		return sizes;
	}

}
