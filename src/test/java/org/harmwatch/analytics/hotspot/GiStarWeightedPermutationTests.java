package org.harmwatch.analytics.hotspot;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Permutation pseudo p-values under general (non-binary) weights: the k-th neighbour's
 * weight goes with the k-th value drawn, under both null models, and a draw whose sum
 * equals the observed one counts on both sides even when the decimal weights round it
 * differently. The exact distributions are counted in whole tenths, free of rounding.
 */
class GiStarWeightedPermutationTests {

	static final double[] values = { 3, 6, 3, 3, 2, 4 };

	static final int[] from = { 0, 0, 1, 1, 1, 2, 3, 3, 4, 4, 5, 5, 5 };

	static final int[] to = { 1, 2, 0, 3, 4, 5, 4, 5, 0, 2, 1, 3, 4 };

	/** The weights in tenths. */
	static final int[] tenths = { 1, 1, 9, 9, 7, 9, 6, 6, 4, 9, 6, 6, 6 };

	static final SpatialWeights weights = SpatialWeights.fromEdges(6, from, to, weightsOf(tenths));

	static double[] weightsOf(int[] tenths) {
		double[] w = new double[tenths.length];
		for (int e = 0; e < w.length; e++) {
			w[e] = tenths[e] / 10.0;
		}
		return w;
	}

	@ParameterizedTest
	@ValueSource(longs = { 3, 2024 })
	void conditionalDrawsGiveEachNeighboursWeightToOneDistinctOtherValue(long seed) {
		int draws = 20_000;
		GiStarResult result = GetisOrdGiStar.compute(values, weights, Permutations.conditional(draws, seed));
		for (int i = 0; i < values.length; i++) {
			long[] exact = exactTails(i, false);
			assertWithinSamplingError(result.permutationsAtLeast(i), draws, exact[0], exact[3], "P(S >= s), area " + i);
			assertWithinSamplingError(result.permutationsAtMost(i), draws, exact[1], exact[3], "P(S <= s), area " + i);
			// ties, in both counts: exactly the draws whose sum is the observed one
			assertWithinSamplingError(result.permutationsAtLeast(i) + result.permutationsAtMost(i) - draws, draws,
					exact[2], exact[3], "P(S = s), area " + i);
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 5, 77 })
	void spdepStyleDrawsWeighTheAreasOwnPositionOneAndItsNeighboursByTheirWeights(long seed) {
		int draws = 20_000;
		GiStarResult result = GetisOrdGiStar.compute(values, weights,
				new Permutations(draws, seed, Randomisation.SPDEP_LOCALG_PERM));
		for (int i = 0; i < values.length; i++) {
			long[] exact = exactTails(i, true);
			assertWithinSamplingError(result.permutationsAtLeast(i), draws, exact[0], exact[3], "P(S >= s), area " + i);
			assertWithinSamplingError(result.permutationsAtMost(i), draws, exact[1], exact[3], "P(S <= s), area " + i);
			assertWithinSamplingError(result.permutationsAtLeast(i) + result.permutationsAtMost(i) - draws, draws,
					exact[2], exact[3], "P(S = s), area " + i);
		}
	}

	@Test
	void theStrongestHotspotIsAtMostTheObservedSumInEveryDraw() {
		// area 0 and its four nearest hold the five largest values of 200: no draw
		// reaches
		// its sum, so every draw is at most it
		int n = 200;
		double[] x = new double[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = i;
			v[i] = i < 5 ? 1000 - i : i % 7;
		}
		GiStarResult result = GetisOrdGiStar.compute(v, SpatialWeights.kNearest(x, new double[n], 4),
				Permutations.conditional(499, 2));
		assertThat(result.permutationsAtLeast(0)).isZero();
		assertThat(result.permutationsAtMost(0)).isEqualTo(499);
		assertThat(result.foldedPseudoPValue(0)).isEqualTo(1.0 / 500);
	}

	@Test
	void oneDrawIsEnough() {
		assertThatCode(() -> Permutations.conditional(1, 1)).doesNotThrowAnyException();
		GiStarResult result = GetisOrdGiStar.compute(values, weights, Permutations.conditional(1, 1));
		assertThat(result.permutations()).isEqualTo(1);
		assertThat(result.hasPermutations()).isTrue();
		for (int i = 0; i < values.length; i++) {
			assertThat(result.permutationsAtLeast(i) + result.permutationsAtMost(i)).isBetween(1, 2);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Permutations.conditional(0, 1))
			.withMessageContaining("at least 1");
	}

	/**
	 * In tenths, over every equally likely draw for area i: how many sums are at least,
	 * at most and equal to the observed one, and how many draws there are.
	 */
	static long[] exactTails(int i, boolean withReplacement) {
		int[] neighbours = weights.neighbours(i);
		double[] w = weights.weights(i);
		long[] weight = new long[neighbours.length];
		long observed = 10 * (long) values[i];
		for (int t = 0; t < neighbours.length; t++) {
			weight[t] = Math.round(w[t] * 10);
			observed += weight[t] * (long) values[neighbours[t]];
		}
		List<Long> others = new ArrayList<>();
		for (int j = 0; j < values.length; j++) {
			if (j != i) {
				others.add((long) values[j]);
			}
		}
		long[] counts = new long[4];
		if (withReplacement) {
			// the area's own position weighs 1 (10 tenths) and draws like the others
			long[] all = new long[weight.length + 1];
			all[0] = 10;
			System.arraycopy(weight, 0, all, 1, weight.length);
			sequences(others, all, 0, 0, observed, counts);
		}
		else {
			ordered(others, weight, 0, new boolean[others.size()], 10 * (long) values[i], observed, counts);
		}
		return counts;
	}

	private static void ordered(List<Long> others, long[] weight, int t, boolean[] used, long sum, long observed,
			long[] counts) {
		if (t == weight.length) {
			tally(sum, observed, counts);
			return;
		}
		for (int j = 0; j < others.size(); j++) {
			if (!used[j]) {
				used[j] = true;
				ordered(others, weight, t + 1, used, sum + weight[t] * others.get(j), observed, counts);
				used[j] = false;
			}
		}
	}

	private static void sequences(List<Long> others, long[] weight, int t, long sum, long observed, long[] counts) {
		if (t == weight.length) {
			tally(sum, observed, counts);
			return;
		}
		for (long value : others) {
			sequences(others, weight, t + 1, sum + weight[t] * value, observed, counts);
		}
	}

	private static void tally(long sum, long observed, long[] counts) {
		counts[0] += sum >= observed ? 1 : 0;
		counts[1] += sum <= observed ? 1 : 0;
		counts[2] += sum == observed ? 1 : 0;
		counts[3]++;
	}

	/**
	 * hits ~ Binomial(draws, p), p = favourable / total: within 5 standard deviations
	 * (plus one for the discreteness).
	 */
	static void assertWithinSamplingError(int hits, int draws, long favourable, long total, String what) {
		double p = (double) favourable / total;
		double sd = Math.sqrt(draws * p * (1 - p));
		assertThat((double) hits).as(what + " (exact %s)", p)
			.isCloseTo(draws * p, org.assertj.core.data.Offset.offset(5 * sd + 1));
	}

}
