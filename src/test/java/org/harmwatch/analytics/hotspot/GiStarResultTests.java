package org.harmwatch.analytics.hotspot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Classification at its boundary: an area whose (pseudo) p-value is exactly alpha is
 * significant ({@code q <= alpha}), as with 199 permutations where
 * {@code 2 (4 + 1) / 200} is exactly 0.05; the pseudo p-values themselves.
 */
class GiStarResultTests {

	/**
	 * Five areas and 199 permutations: H and L counts chosen so that the two-sided pseudo
	 * p-values are 0.05 (4 extremes), 0.06 (5), 0.01 (0), and undefined.
	 */
	static GiStarResult permuted() {
		double[] z = { 2.5, -2.5, 2.0, -3.0, 1.0 };
		double[] p = { 0.05, 0.05, 0.0500001, 0.01, Double.NaN };
		int[] atLeast = { 4, 195, 5, 199, -1 };
		int[] atMost = { 195, 4, 194, 0, -1 };
		return new GiStarResult(z, p, new int[] { 9, 9, 9, 9, 1 }, 199, atLeast, atMost);
	}

	@Test
	void pseudoPValuesAreTheFoldedShareOfAsExtremeDrawsDoubled() {
		GiStarResult r = permuted();

		assertThat(r.foldedPseudoPValue(0)).isEqualTo(5.0 / 200);
		assertThat(r.pseudoPValue(0)).isEqualTo(0.05);
		assertThat(r.pseudoPValue(1)).isEqualTo(0.05);
		assertThat(r.pseudoPValue(2)).isEqualTo(0.06);
		assertThat(r.pseudoPValue(3)).isEqualTo(0.01);
		assertThat(r.pseudoPValue(4)).isNaN();
		assertThat(r.pseudoPValues()).containsExactly(0.05, 0.05, 0.06, 0.01, Double.NaN);
		assertThat(r.permutationsAtLeast(1)).isEqualTo(195);
		assertThat(r.permutationsAtMost(1)).isEqualTo(4);
		assertThat(r.permutationsAtMost(4)).isEqualTo(-1);
		assertThat(r.permutations()).isEqualTo(199);
		assertThat(r.hasPermutations()).isTrue();
		assertThat(r.neighbourhoodSize(4)).isEqualTo(1);
		assertThat(r.size()).isEqualTo(5);
	}

	@Test
	void aPseudoPValueOfExactlyAlphaIsSignificantInItsDirection() {
		assertThat(permuted().classify(0.05, Significance.PERMUTATION)).containsExactly(HotspotClass.HOT,
				HotspotClass.COLD, HotspotClass.NOT_SIGNIFICANT, HotspotClass.COLD, HotspotClass.NOT_SIGNIFICANT);
		// just below alpha the two boundary areas drop out
		assertThat(permuted().classify(0.0499999, Significance.PERMUTATION)).containsExactly(
				HotspotClass.NOT_SIGNIFICANT, HotspotClass.NOT_SIGNIFICANT, HotspotClass.NOT_SIGNIFICANT,
				HotspotClass.COLD, HotspotClass.NOT_SIGNIFICANT);
	}

	@Test
	void aNormalPValueOfExactlyAlphaIsSignificantAndNaNNever() {
		assertThat(permuted().classify(0.05, Significance.NORMAL)).containsExactly(HotspotClass.HOT, HotspotClass.COLD,
				HotspotClass.NOT_SIGNIFICANT, HotspotClass.COLD, HotspotClass.NOT_SIGNIFICANT);
	}

	@Test
	void aZeroZScoreIsNeitherHotNorCold() {
		GiStarResult r = new GiStarResult(new double[] { 0.0, Double.NaN }, new double[] { 0.0, 0.0 },
				new int[] { 3, 3 }, 0, null, null);

		assertThat(r.classify(0.5, Significance.NORMAL)).containsOnly(HotspotClass.NOT_SIGNIFICANT);
		assertThat(r.hasPermutations()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> r.pseudoPValue(0));
		assertThatIllegalStateException().isThrownBy(() -> r.permutationsAtMost(0));
	}

	@Test
	void fdrKindsClassifyOnTheBenjaminiHochbergQValues() {
		// five p-values: BH q = min over j >= i of 5 / j p_(j)
		GiStarResult r = new GiStarResult(new double[] { 3, 3, 3, -3, 3 }, new double[] { 0.01, 0.02, 0.03, 0.04, 0.5 },
				new int[] { 2, 2, 2, 2, 2 }, 0, null, null);

		assertThat(r.qValues(Significance.NORMAL_FDR)).containsExactly(0.05, 0.05, 0.05, 0.05, 0.5);
		assertThat(r.qValues(Significance.NORMAL)).containsExactly(0.01, 0.02, 0.03, 0.04, 0.5);
		assertThat(r.classify(0.05, Significance.NORMAL_FDR)).containsExactly(HotspotClass.HOT, HotspotClass.HOT,
				HotspotClass.HOT, HotspotClass.COLD, HotspotClass.NOT_SIGNIFICANT);
		assertThat(r.classify(0.049, Significance.NORMAL_FDR)).containsOnly(HotspotClass.NOT_SIGNIFICANT);
		assertThat(permuted().qValues(Significance.PERMUTATION_FDR)[3]).isCloseTo(0.04, within(1e-15));
	}

	@ParameterizedTest
	@CsvSource({ "0", "1", "-0.1", "1.5", "NaN" })
	void alphaMustLieStrictlyBetweenZeroAndOne(double alpha) {
		assertThatIllegalArgumentException().isThrownBy(() -> permuted().classify(alpha, Significance.NORMAL))
			.withMessageContaining("alpha");
	}

	@Test
	void arraysHandedOutAreCopies() {
		GiStarResult r = permuted();
		r.zScores()[0] = 99;
		r.pValues()[0] = 99;

		assertThat(r.z(0)).isEqualTo(2.5);
		assertThat(r.pValue(0)).isEqualTo(0.05);
		assertThat(r.zScores()).containsExactly(2.5, -2.5, 2.0, -3.0, 1.0);
	}

}
