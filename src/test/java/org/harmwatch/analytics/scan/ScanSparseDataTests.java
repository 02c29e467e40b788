package org.harmwatch.analytics.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The observed-data search prunes each window by {@code LLR <= Delta^2 (C + mu) / (2 C^2
 * mu (C - mu))}, which is close to the LLR where a window holds barely more cases than
 * expected and expects a large share of all cases. Sparse data with few cases (5 to 50),
 * circles up to every location and windows up to the whole period make such windows the
 * candidates, so a bound even slightly too tight loses one: every reported cluster's LLR
 * must still be that of the independent implementation of SaTScan's rules
 * ({@link SpaceTimePermutationScanTests.BruteForce#reported}), under both rules.
 */
class ScanSparseDataTests {

	@ParameterizedTest(name = "older rule {0}")
	@ValueSource(booleans = { false, true })
	void clustersOfSparseDataAgreeWithTheIndependentImplementation(boolean older) {
		int compared = 0;
		for (long seed = 0; seed < 80; seed++) {
			SpaceTimeCases data = sparse(seed);
			ScanOptions options = ScanOptions.retrospective()
				.withMaxDays(data.days())
				.withMaxShareOfLocations(1.0)
				.withMinCases(1)
				.withReplications(0)
				.withMaxClusters(10_000)
				.withSecondaryClusters(older ? ScanOptions.SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP
						: ScanOptions.SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME);

			// sorted, since clusters of equal LLR may come in another order
			double[] found = SpaceTimePermutationScan.scan(data, options)
				.clusters()
				.stream()
				.mapToDouble(SpaceTimePermutationScan.Cluster::logLikelihoodRatio)
				.sorted()
				.toArray();
			double[] expected = SpaceTimePermutationScanTests.BruteForce.reported(data, options, older)
				.stream()
				.mapToDouble(SpaceTimePermutationScanTests.BruteForce.Candidate::llr)
				.sorted()
				.toArray();
			String at = "seed " + seed + ": " + Arrays.toString(found) + " against " + Arrays.toString(expected);
			assertThat(found).as(at).hasSameSizeAs(expected);
			for (int i = 0; i < found.length; i++) {
				assertThat(found[i]).as(at).isCloseTo(expected[i], within(1e-9));
			}
			compared += found.length;
		}
		assertThat(compared).isGreaterThan(100);
	}

	@ParameterizedTest(name = "prospective {0}")
	@ValueSource(booleans = { false, true })
	void theLargestLlrOfSparseDataIsTheBruteForceOne(boolean prospective) {
		for (long seed = 0; seed < 80; seed++) {
			SpaceTimeCases data = sparse(seed);
			ScanOptions options = ScanOptions.retrospective()
				.withProspective(prospective)
				.withMaxDays(data.days())
				.withMaxShareOfLocations(1.0)
				.withMinCases(1)
				.withReplications(0);
			int[] counts = data.countsView();
			assertThat(SpaceTimePermutationScan.maximumLlr(data, options, counts)).as("seed " + seed)
				.isCloseTo(SpaceTimePermutationScanTests.BruteForce.best(data, options, counts).llr(), within(1e-9));
		}
	}

	/** 2 to 7 locations, 2 to 11 days, few cases (5 to 50). */
	private static SpaceTimeCases sparse(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int locations = 2 + random.nextInt(6);
		int days = 2 + random.nextInt(10);
		List<String> ids = new ArrayList<>();
		double[] x = new double[locations];
		double[] y = new double[locations];
		int[][] counts = new int[locations][days];
		int density = 1 + random.nextInt(4);
		for (int l = 0; l < locations; l++) {
			ids.add("L" + l);
			x[l] = random.nextDouble() * 100;
			y[l] = random.nextDouble() * 100;
			for (int d = 0; d < days; d++) {
				counts[l][d] = random.nextInt(10) < density ? random.nextInt(1, 4) : 0;
			}
		}
		counts[0][0] += 1;
		return SpaceTimeCases.of(ids, x, y, SpaceTimePermutationScanTests.DAY0, counts);
	}

}
