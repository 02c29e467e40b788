package org.harmwatch.analytics.hotspot;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Gi* on edge cases and properties the definition implies: no variation, a single area,
 * two areas, areas without neighbours, ties, invariance to the units of the values, and
 * the hot/cold reading of a map.
 */
class GetisOrdGiStarTests {

	/** A 10 x 10 lattice (cell 1) with rook neighbours. */
	static final double[] latticeX = new double[100];

	static final double[] latticeY = new double[100];

	static {
		for (int i = 0; i < 100; i++) {
			latticeX[i] = i % 10;
			latticeY[i] = i / 10;
		}
	}

	static final SpatialWeights rook = SpatialWeights.distanceBand(latticeX, latticeY, 1);

	@ParameterizedTest
	@EnumSource(Significance.class)
	void allZeroValuesGiveNaNAndNoHotspotNeverAnException(Significance significance) {
		GiStarResult result = GetisOrdGiStar.compute(new double[100], rook, Permutations.conditional(99, 1));
		for (int i = 0; i < 100; i++) {
			assertThat(result.z(i)).isNaN();
			assertThat(result.pValue(i)).isNaN();
			assertThat(result.foldedPseudoPValue(i)).isEqualTo(1.0);
		}
		assertThat(result.classify(0.05, significance)).containsOnly(HotspotClass.NOT_SIGNIFICANT);
	}

	@Test
	void constantNonZeroValuesAreJustAsUndefined() {
		double[] values = new double[100];
		Arrays.fill(values, 0.1); // a mean that does not round-trip exactly
		GiStarResult result = GetisOrdGiStar.compute(values, rook);
		assertThat(result.zScores()).containsOnly(Double.NaN);
	}

	@Test
	void aSingleAreaIsUndefined() {
		SpatialWeights alone = SpatialWeights.distanceBand(new double[] { 3 }, new double[] { 4 }, 10);
		GiStarResult result = GetisOrdGiStar.compute(new double[] { 7 }, alone, Permutations.conditional(9, 1));
		assertThat(result.z(0)).isNaN();
		assertThat(result.neighbourhoodSize(0)).isEqualTo(1);
		assertThat(result.classify(0.05, Significance.NORMAL_FDR)).containsExactly(HotspotClass.NOT_SIGNIFICANT);
		GiStarResult spdepStyle = GetisOrdGiStar.compute(new double[] { 7 }, alone,
				new Permutations(9, 1, Randomisation.SPDEP_LOCALG_PERM));
		assertThat(spdepStyle.foldedPseudoPValue(0)).isNaN();
		assertThat(spdepStyle.classify(0.05, Significance.PERMUTATION)).containsExactly(HotspotClass.NOT_SIGNIFICANT);
	}

	@Test
	void twoAreasWithoutNeighboursAreComparedOnTheirOwnValues() {
		SpatialWeights apart = SpatialWeights.distanceBand(new double[] { 0, 10 }, new double[] { 0, 0 }, 1);
		GiStarResult result = GetisOrdGiStar.compute(new double[] { 0, 2 }, apart);
		// xbar = 1, s = 1, W = S1 = 1: z = (x - 1) / sqrt((2 - 1) / 1)
		assertThat(result.z(0)).isEqualTo(-1.0);
		assertThat(result.z(1)).isEqualTo(1.0);
	}

	@Test
	void twoNeighbouringAreasSeeTheWholeMapAndAreUndefined() {
		SpatialWeights together = SpatialWeights.kNearest(new double[] { 0, 10 }, new double[] { 0, 0 }, 1);
		GiStarResult result = GetisOrdGiStar.compute(new double[] { 0, 2 }, together);
		assertThat(result.zScores()).containsOnly(Double.NaN);
	}

	@Test
	void anAreaWithoutNeighboursIsItsOwnStandardScore() {
		double[] x = { 0, 1, 2, 50 };
		double[] y = { 0, 0, 0, 0 };
		double[] values = { 1, 4, 2, 9 };
		GiStarResult result = GetisOrdGiStar.compute(values, SpatialWeights.distanceBand(x, y, 1));
		double mean = 4;
		double sd = Math.sqrt((9 + 0 + 4 + 25) / 4.0);
		assertThat(result.neighbourhoodSize(3)).isEqualTo(1);
		assertThat(result.z(3)).isCloseTo((9 - mean) / sd, within(1e-14));
	}

	@Test
	void agreesWithTheClosedFormForRandomWeights() {
		Random random = new Random(42);
		int n = 300;
		double[] values = random.doubles(n, -5, 20).toArray();
		int[] from = new int[3 * n];
		int[] to = new int[3 * n];
		double[] w = new double[3 * n];
		for (int i = 0; i < n; i++) {
			int self = i;
			int[] picks = random.ints(0, n).filter(j -> j != self).distinct().limit(3).toArray();
			for (int t = 0; t < 3; t++) {
				from[3 * i + t] = i;
				to[3 * i + t] = picks[t];
				w[3 * i + t] = random.nextDouble() * 3;
			}
		}
		GiStarResult result = GetisOrdGiStar.compute(values, SpatialWeights.fromEdges(n, from, to, w));
		double mean = Arrays.stream(values).average().orElseThrow();
		double s = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / n);
		for (int i = 0; i < n; i++) {
			double lag = values[i];
			double wSum = 1;
			double wSquares = 1;
			for (int t = 0; t < 3; t++) {
				lag += w[3 * i + t] * values[to[3 * i + t]];
				wSum += w[3 * i + t];
				wSquares += w[3 * i + t] * w[3 * i + t];
			}
			double expected = (lag - mean * wSum) / (s * Math.sqrt((n * wSquares - wSum * wSum) / (n - 1)));
			assertThat(result.z(i)).isCloseTo(expected, within(1e-12));
		}
	}

	@Test
	void zDoesNotDependOnTheUnitsOfTheValues() {
		Random random = new Random(9);
		double[] values = random.ints(100, 0, 6).asDoubleStream().toArray();
		double[] rescaled = Arrays.stream(values).map(v -> 1000 + 2.5 * v).toArray();
		double[] flipped = Arrays.stream(values).map(v -> -v).toArray();
		GiStarResult base = GetisOrdGiStar.compute(values, rook);
		GiStarResult scaled = GetisOrdGiStar.compute(rescaled, rook);
		GiStarResult negated = GetisOrdGiStar.compute(flipped, rook);
		for (int i = 0; i < 100; i++) {
			assertThat(scaled.z(i)).isCloseTo(base.z(i), within(1e-9));
			assertThat(negated.z(i)).isCloseTo(-base.z(i), within(1e-12));
		}
	}

	@Test
	void tiedValuesInEquivalentPlacesGetEqualScores() {
		// a ring of 12 areas, each with its two ring neighbours; values 5, 5, 1, 1 repeat
		int n = 12;
		int[] from = new int[2 * n];
		int[] to = new int[2 * n];
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			from[2 * i] = i;
			to[2 * i] = (i + 1) % n;
			from[2 * i + 1] = i;
			to[2 * i + 1] = (i + n - 1) % n;
			values[i] = new double[] { 5, 5, 1, 1 }[i % 4];
		}
		GiStarResult result = GetisOrdGiStar.compute(values, SpatialWeights.fromEdges(n, from, to));
		for (int i = 4; i < n; i++) {
			assertThat(result.z(i)).isEqualTo(result.z(i - 4));
		}
		// mirror-image places: neighbourhood sums 11, 11, 7, 7
		assertThat(result.z(0)).isEqualTo(result.z(1)).isPositive();
		assertThat(result.z(2)).isEqualTo(result.z(3)).isNegative();
	}

	@Test
	void aClusterOfHighValuesIsHotAndOfLowValuesCold() {
		Random random = new Random(1);
		double[] values = new double[100];
		for (int i = 0; i < 100; i++) {
			values[i] = 10 + random.nextInt(3);
		}
		int[] hot = { 22, 23, 32, 33 };
		int[] cold = { 76, 77, 86, 87 };
		for (int i : hot) {
			values[i] = 40;
		}
		for (int i : cold) {
			values[i] = 0;
		}
		GiStarResult result = GetisOrdGiStar.compute(values, SpatialWeights.distanceBand(latticeX, latticeY, 1.5),
				Permutations.conditional(999, 3));
		for (Significance significance : Significance.values()) {
			HotspotClass[] classes = result.classify(0.05, significance);
			for (int i : hot) {
				assertThat(classes[i]).as("area %d by %s", i, significance).isEqualTo(HotspotClass.HOT);
			}
			for (int i : cold) {
				assertThat(classes[i]).as("area %d by %s", i, significance).isEqualTo(HotspotClass.COLD);
			}
			assertThat(classes[5]).as("a far corner by %s", significance).isEqualTo(HotspotClass.NOT_SIGNIFICANT);
		}
	}

	@Test
	void fdrCallsNoMoreHotspotsThanUncorrectedPValues() {
		Random random = new Random(17);
		double[] noise = random.ints(100, 0, 10).asDoubleStream().toArray();
		GiStarResult result = GetisOrdGiStar.compute(noise, rook, Permutations.conditional(199, 5));
		assertThat(significant(result.classify(0.05, Significance.NORMAL_FDR)))
			.isLessThanOrEqualTo(significant(result.classify(0.05, Significance.NORMAL)));
		assertThat(significant(result.classify(0.05, Significance.PERMUTATION_FDR)))
			.isLessThanOrEqualTo(significant(result.classify(0.05, Significance.PERMUTATION)));
		double[] q = result.qValues(Significance.NORMAL_FDR);
		for (int i = 0; i < 100; i++) {
			assertThat(q[i]).isGreaterThanOrEqualTo(result.pValue(i));
		}
	}

	@Test
	void badInputIsRejectedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> GetisOrdGiStar.compute(new double[99], rook))
			.withMessageContaining("99 values")
			.withMessageContaining("100 areas");
		double[] withNaN = new double[100];
		withNaN[7] = Double.NaN;
		assertThatIllegalArgumentException().isThrownBy(() -> GetisOrdGiStar.compute(withNaN, rook))
			.withMessageContaining("value 7");
		GiStarResult plain = GetisOrdGiStar.compute(new double[100], rook);
		assertThatIllegalStateException().isThrownBy(() -> plain.pseudoPValue(0));
		assertThatIllegalStateException().isThrownBy(() -> plain.classify(0.05, Significance.PERMUTATION));
		assertThatIllegalArgumentException().isThrownBy(() -> plain.classify(0, Significance.NORMAL));
	}

	static long significant(HotspotClass[] classes) {
		return Arrays.stream(classes).filter(c -> c != HotspotClass.NOT_SIGNIFICANT).count();
	}

}
