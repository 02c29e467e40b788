package org.harmwatch.analytics.scan;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan's critical value is the replicate maximum of the right rank: a cluster is
 * significant at alpha (p = rank / (R + 1) at most alpha) exactly when its LLR exceeds
 * the critical value.
 */
class CriticalValueTests {

	/** Replicate maxima 1, 2, ..., r (sorted ascending, as the scan hands them out). */
	static SpaceTimePermutationScan.Result withMaxima(int r) {
		double[] maxima = new double[r];
		for (int i = 0; i < r; i++) {
			maxima[i] = i + 1;
		}
		return new SpaceTimePermutationScan.Result(List.of(), 100, maxima);
	}

	@ParameterizedTest(name = "R = {0}, alpha = {1}")
	@CsvSource({
			// 999 replications: at most 49 maxima at or above the LLR, so it must exceed
			// the 50th largest (950)
			"999, 0.05, 950", "999, 0.01, 990", "999, 0.001, 999",
			// 99: exceed the 5th largest; 19: exceed the largest
			"99, 0.05, 95", "19, 0.05, 19", "199, 0.05, 190", "9, 0.5, 5", "1, 0.5, 1" })
	void isTheMaximumOfTheRightRank(int r, double alpha, double expected) {
		assertThat(withMaxima(r).criticalValue(alpha)).isEqualTo(expected);
	}

	@Test
	void tooFewReplicationsForAlphaGiveInfinityAndNoneGiveNaN() {
		// 9 replications: the smallest p-value is 1 / 10, never at most 0.05
		assertThat(withMaxima(9).criticalValue(0.05)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(withMaxima(18).criticalValue(0.05)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(withMaxima(0).criticalValue(0.05)).isNaN();
	}

	@Test
	void aClusterIsSignificantExactlyWhenItsLlrExceedsTheCriticalValue() {
		SpaceTimeCases data = ScanFixtures.load("st_50x90");

		SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data,
				ScanOptions.retrospective().withReplications(99).withMaxClusters(10));

		assertThat(result.clusters()).hasSizeGreaterThan(2);
		for (double alpha : new double[] { 0.01, 0.05, 0.1, 0.2, 0.5, 0.9 }) {
			double critical = result.criticalValue(alpha);
			for (SpaceTimePermutationScan.Cluster c : result.clusters()) {
				assertThat(c.logLikelihoodRatio() > critical).as("cluster %d at alpha %s", c.rank(), alpha)
					.isEqualTo(c.pValue() <= alpha);
			}
		}
		// and at a replicate's own maximum: equal is not enough
		double[] maxima = result.replicateMaxima();
		int rank = 1;
		for (double v : maxima) {
			rank += v >= maxima[94] ? 1 : 0;
		}
		assertThat(rank / 100.0).isGreaterThan(0.05);
		assertThat(result.criticalValue(0.05)).isEqualTo(maxima[94]);
	}

}
