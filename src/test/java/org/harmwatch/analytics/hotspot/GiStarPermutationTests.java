package org.harmwatch.analytics.hotspot;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.harmwatch.analytics.SpatialFixtures;
import org.harmwatch.analytics.SpatialFixtures.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permutation pseudo p-values: the convention {@code (hits + 1) / (N + 1)}, agreement
 * with the exact permutation distribution on small maps (for any seed), statistical
 * agreement with spdep's {@code localG_perm}, and reproducibility independent of threads.
 */
class GiStarPermutationTests {

	/**
	 * 12 areas on a line, each with its neighbours at distance 1 and 2 (up to 4), and
	 * tied integer values.
	 */
	static final double[] lineX = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	static final double[] lineValues = { 3, 7, 7, 1, 0, 9, 4, 4, 4, 2, 8, 1 };

	static final SpatialWeights line = SpatialWeights.distanceBand(lineX, new double[12], 2);

	@ParameterizedTest
	@ValueSource(longs = { 1, 2024, -77 })
	void conditionalPseudoPValuesEstimateTheExactConditionalDistribution(long seed) {
		int draws = 20_000;
		GiStarResult result = GetisOrdGiStar.compute(lineValues, line, Permutations.conditional(draws, seed));
		for (int i = 0; i < 12; i++) {
			double[] exact = exactConditionalTails(i);
			assertWithinSamplingError(result.permutationsAtLeast(i), draws, exact[0], "P(S >= s) of area " + i);
			assertWithinSamplingError(result.permutationsAtMost(i), draws, exact[1], "P(S <= s) of area " + i);
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 5, 99 })
	void spdepStylePseudoPValuesEstimateSamplingWithReplacementOfEveryPosition(long seed) {
		int draws = 20_000;
		GiStarResult result = GetisOrdGiStar.compute(lineValues, line,
				new Permutations(draws, seed, Randomisation.SPDEP_LOCALG_PERM));
		for (int i = 0; i < 12; i++) {
			double[] exact = exactWithReplacementTails(i);
			assertWithinSamplingError(result.permutationsAtLeast(i), draws, exact[0], "P(S >= s) of area " + i);
			assertWithinSamplingError(result.permutationsAtMost(i), draws, exact[1], "P(S <= s) of area " + i);
		}
	}

	@Test
	void pseudoPValuesAreHitsPlusOneOverPermutationsPlusOne() {
		int draws = 99;
		GiStarResult result = GetisOrdGiStar.compute(lineValues, line, Permutations.conditional(draws, 8));
		for (int i = 0; i < 12; i++) {
			int hits = Math.min(result.permutationsAtLeast(i), result.permutationsAtMost(i));
			assertThat(result.foldedPseudoPValue(i)).isEqualTo((hits + 1.0) / (draws + 1.0));
			assertThat(result.pseudoPValue(i)).isEqualTo(Math.min(1.0, 2 * (hits + 1.0) / (draws + 1.0)));
			// ties count on both sides, so the two tails cover every draw
			assertThat(result.permutationsAtLeast(i) + result.permutationsAtMost(i)).isGreaterThanOrEqualTo(draws);
		}
	}

	@Test
	void theStrongestPossibleHotspotGetsTheSmallestAttainablePValue() {
		// area 0 and its four neighbours hold the five largest values; 200 areas, so one
		// draw in C(199, 4) ties
		int n = 200;
		double[] x = new double[n];
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = i;
			values[i] = i < 5 ? 1000 - i : i % 7;
		}
		SpatialWeights weights = SpatialWeights.kNearest(x, new double[n], 4);
		GiStarResult result = GetisOrdGiStar.compute(values, weights, Permutations.conditional(999, 1));
		assertThat(result.permutationsAtLeast(0)).isZero();
		assertThat(result.foldedPseudoPValue(0)).isEqualTo(1.0 / 1000);
		assertThat(result.pseudoPValue(0)).isEqualTo(2.0 / 1000);
	}

	@Test
	void aNeighbourhoodOfEveryAreaCannotBeSurprising() {
		double[] x = { 0, 1, 2, 3 };
		SpatialWeights everyone = SpatialWeights.kNearest(x, new double[4], 3);
		GiStarResult result = GetisOrdGiStar.compute(new double[] { 1, 5, 2, 8 }, everyone,
				Permutations.conditional(49, 1));
		for (int i = 0; i < 4; i++) {
			assertThat(result.permutationsAtLeast(i)).isEqualTo(49);
			assertThat(result.permutationsAtMost(i)).isEqualTo(49);
			assertThat(result.pseudoPValue(i)).isEqualTo(1.0);
		}
	}

	@Test
	void agreesStatisticallyWithSpdepLocalGPerm() {
		Table areas = SpatialFixtures.csv("areas_2000.csv");
		double[] spdepFolded = SpatialFixtures.csv("gi_knn8_perm999.csv.gz").doubles("p_folded_sim");
		SpatialWeights knn = SpatialWeights.kNearest(areas.doubles("x"), areas.doubles("y"), 8);
		double[] values = areas.doubles("value");
		double[] same = standardisedDifferences(
				GetisOrdGiStar.compute(values, knn, new Permutations(999, 12345, Randomisation.SPDEP_LOCALG_PERM)),
				spdepFolded);
		// independent Monte Carlo estimates of the same p: standardised differences look
		// like N(0, 1) (a little
		// narrower, because folding caps p at 0.5)
		assertThat(same[0]).as("mean standardised difference").isBetween(-0.1, 0.1);
		assertThat(same[1]).as("mean squared standardised difference").isBetween(0.6, 1.25);
		assertThat(same[2]).as("largest standardised difference").isLessThan(5.5);
		// the conditional null (own value fixed) is another distribution, and the
		// comparison sees it
		double[] conditional = standardisedDifferences(
				GetisOrdGiStar.compute(values, knn, Permutations.conditional(999, 12345)), spdepFolded);
		assertThat(conditional[1]).as("mean squared standardised difference, conditional").isGreaterThan(3);
	}

	/**
	 * Mean, mean square and largest absolute standardised difference of folded pseudo
	 * p-values from spdep's.
	 */
	static double[] standardisedDifferences(GiStarResult result, double[] spdepFolded) {
		int draws = result.permutations();
		int n = spdepFolded.length;
		double sum = 0;
		double sumSquares = 0;
		double worst = 0;
		for (int i = 0; i < n; i++) {
			// spdep folds with #(sim >= obs) and #(sim < obs): the same counts from our
			// draws
			int atLeast = result.permutationsAtLeast(i);
			double ours = (Math.min(atLeast, draws - atLeast) + 1.0) / (draws + 1.0);
			double mean = (ours + spdepFolded[i]) / 2;
			double sd = Math.sqrt(2 * mean * (1 - mean) / draws + 1e-6);
			double standardised = (ours - spdepFolded[i]) / sd;
			sum += standardised;
			sumSquares += standardised * standardised;
			worst = Math.max(worst, Math.abs(standardised));
		}
		return new double[] { sum / n, sumSquares / n, worst };
	}

	@Test
	void resultsDependOnTheSeedAloneNotOnThreads() throws Exception {
		Random random = new Random(4);
		int n = 30_000;
		double[] x = random.doubles(n, 0, 20_000).toArray();
		double[] y = random.doubles(n, 0, 20_000).toArray();
		double[] values = random.ints(n, 0, 12).asDoubleStream().toArray();
		SpatialWeights knn = SpatialWeights.kNearest(x, y, 5);
		Permutations permutations = Permutations.conditional(19, 77);
		GiStarResult parallel = GetisOrdGiStar.compute(values, knn, permutations);
		ForkJoinPool single = new ForkJoinPool(1);
		try {
			GiStarResult serial = single.submit(() -> GetisOrdGiStar.compute(values, knn, permutations)).get();
			for (int i = 0; i < n; i++) {
				assertThat(serial.permutationsAtLeast(i)).isEqualTo(parallel.permutationsAtLeast(i));
				assertThat(serial.permutationsAtMost(i)).isEqualTo(parallel.permutationsAtMost(i));
			}
		}
		finally {
			single.shutdown();
		}
		GiStarResult otherSeed = GetisOrdGiStar.compute(values, knn, Permutations.conditional(19, 78));
		int differ = 0;
		for (int i = 0; i < n; i++) {
			differ += otherSeed.permutationsAtLeast(i) != parallel.permutationsAtLeast(i) ? 1 : 0;
		}
		assertThat(differ).as("another seed draws other permutations").isGreaterThan(n / 10);
	}

	/**
	 * hits ~ Binomial(draws, p): within 5 standard deviations (plus one for the
	 * discreteness).
	 */
	static void assertWithinSamplingError(int hits, int draws, double p, String what) {
		double sd = Math.sqrt(draws * p * (1 - p));
		assertThat((double) hits).as(what + " (exact %s)", p)
			.isCloseTo(draws * p, org.assertj.core.data.Offset.offset(5 * sd + 1));
	}

	/**
	 * Exact P(S >= s) and P(S <= s) when area i's neighbours take every subset of the
	 * others equally often.
	 */
	static double[] exactConditionalTails(int i) {
		int[] neighbours = line.neighbours(i);
		int k = neighbours.length;
		double observed = sumOf(neighbours);
		double[] others = othersOf(i);
		long[] counts = new long[3]; // at least, at most, total
		subsets(others, k, 0, 0, 0.0, observed, counts);
		return new double[] { (double) counts[0] / counts[2], (double) counts[1] / counts[2] };
	}

	private static void subsets(double[] others, int k, int start, int chosen, double sum, double observed,
			long[] counts) {
		if (chosen == k) {
			counts[0] += sum >= observed ? 1 : 0;
			counts[1] += sum <= observed ? 1 : 0;
			counts[2]++;
			return;
		}
		for (int j = start; j < others.length; j++) {
			subsets(others, k, j + 1, chosen + 1, sum + others[j], observed, counts);
		}
	}

	/**
	 * Exact tails when all k + 1 positions (the area's own too) draw with replacement
	 * from the others.
	 */
	static double[] exactWithReplacementTails(int i) {
		int[] neighbours = line.neighbours(i);
		int positions = neighbours.length + 1;
		double observed = sumOf(neighbours) + lineValues[i];
		double[] others = othersOf(i);
		long[] counts = new long[3];
		sequences(others, positions, 0.0, observed, counts);
		return new double[] { (double) counts[0] / counts[2], (double) counts[1] / counts[2] };
	}

	private static void sequences(double[] others, int remaining, double sum, double observed, long[] counts) {
		if (remaining == 0) {
			counts[0] += sum >= observed ? 1 : 0;
			counts[1] += sum <= observed ? 1 : 0;
			counts[2]++;
			return;
		}
		for (double value : others) {
			sequences(others, remaining - 1, sum + value, observed, counts);
		}
	}

	private static double sumOf(int[] areas) {
		double sum = 0;
		for (int j : areas) {
			sum += lineValues[j];
		}
		return sum;
	}

	private static double[] othersOf(int i) {
		double[] others = new double[lineValues.length - 1];
		for (int j = 0, o = 0; j < lineValues.length; j++) {
			if (j != i) {
				others[o++] = lineValues[j];
			}
		}
		return others;
	}

}
