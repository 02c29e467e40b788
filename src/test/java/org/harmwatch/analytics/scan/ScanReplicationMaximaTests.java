package org.harmwatch.analytics.scan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Monte Carlo replication is the scan of a table the cases' days could really have
 * been permuted into: on data small enough to try every permutation, every replicate
 * maximum is the largest LLR of one of those tables (counted the long way), and where
 * every permutation gives the same maximum, every replication does, ties count as "at
 * least as large" and the p-value is exactly 1.
 */
class ScanReplicationMaximaTests {

	static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

	/**
	 * Four locations at distances that never tie, seven cases; the days run past the
	 * scan's first block of 64 end days.
	 */
	static SpaceTimeCases sevenCases(int days) {
		int[][] counts = new int[4][days];
		counts[0][1] = 1;
		counts[0][days - 1] = 1;
		counts[1][1] = 1;
		counts[1][5] = 1;
		counts[2][days - 4] = 1;
		counts[2][days - 1] = 1;
		counts[3][days - 2] = 1;
		return SpaceTimeCases.of(List.of("A", "B", "C", "D"), new double[] { 0, 1, 3, 0.5 },
				new double[] { 0, 0.2, 1, 4 }, DAY0, counts);
	}

	@ParameterizedTest(name = "{0} days")
	@ValueSource(ints = { 12, 70 })
	void everyRetrospectiveReplicationIsTheMaximumOfAPermutedTable(int days) {
		SpaceTimeCases data = sevenCases(days);
		ScanOptions options = ScanOptions.retrospective()
			.withMinCases(1)
			.withMaxDays(days)
			.withReplications(60)
			.withSeed(3);
		assertEveryReplicationIsAPermutation(data, options);
	}

	@ParameterizedTest(name = "{0} days")
	@ValueSource(ints = { 12, 70 })
	void everyProspectiveReplicationIsTheMaximumOfAPermutedTable(int days) {
		SpaceTimeCases data = sevenCases(days);
		// windows of up to 5 days ending on the last: the prefix tables start part-way
		ScanOptions options = ScanOptions.prospectiveDefaults()
			.withMinCases(1)
			.withMaxDays(5)
			.withMaxShareOfLocations(0.75)
			.withReplications(60)
			.withSeed(4);
		assertEveryReplicationIsAPermutation(data, options);
	}

	@Test
	void aRetrospectiveReplicationSeesWindowsEndingPastTheFirst64Days() {
		// every case falls on days 64..69: only windows ending there hold any, and every
		// permutation of these days leaves some cylinder with more cases than expected
		int[][] counts = new int[4][70];
		counts[0][64] = 1;
		counts[1][64] = 1;
		counts[1][65] = 1;
		counts[2][67] = 1;
		counts[3][69] = 1;
		counts[0][69] = 1;
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B", "C", "D"), new double[] { 0, 1, 3, 0.5 },
				new double[] { 0, 0.2, 1, 4 }, DAY0, counts);
		ScanOptions options = ScanOptions.retrospective().withMinCases(1).withReplications(40).withSeed(9);
		assertThat(ScanBruteForce.maximaOfEveryPermutation(data, options)).allSatisfy(m -> assertThat(m).isPositive());
		assertEveryReplicationIsAPermutation(data, options);
		assertThat(Arrays.stream(SpaceTimePermutationScan.scan(data, options).replicateMaxima()).min().orElseThrow())
			.isPositive();
	}

	@Test
	void aProspectiveScanOfTheLastDayAloneReplicatesWhichCasesLandOnIt() {
		// one-day windows: each replication puts two of the nine cases on the last day
		int[][] counts = { { 2, 0, 1, 0, 1 }, { 0, 1, 0, 0, 1 }, { 1, 0, 0, 1, 0 }, { 0, 0, 1, 0, 0 } };
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B", "C", "D"), new double[] { 0, 1, 3, 0.5 },
				new double[] { 0, 0.2, 1, 4 }, DAY0, counts);
		ScanOptions options = ScanOptions.prospectiveDefaults()
			.withMinCases(1)
			.withMaxDays(1)
			.withReplications(40)
			.withSeed(10);
		assertThat(ScanBruteForce.maximaOfEveryPermutation(data, options)).allSatisfy(m -> assertThat(m).isPositive());
		assertEveryReplicationIsAPermutation(data, options);
		assertThat(Arrays.stream(SpaceTimePermutationScan.scan(data, options).replicateMaxima()).min().orElseThrow())
			.isPositive();
	}

	static void assertEveryReplicationIsAPermutation(SpaceTimeCases data, ScanOptions options) {
		Set<Double> possible = ScanBruteForce.maximaOfEveryPermutation(data, options);
		// every cluster reported, so that the most likely one is there to compare
		SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data, options.withReportPValueOne(true));
		double[] maxima = result.replicateMaxima();
		assertThat(maxima).hasSize(options.replications());
		for (double m : maxima) {
			assertThat(possible.stream().anyMatch(p -> Math.abs(p - m) <= 1e-9 * Math.max(1, p)))
				.as("replicate maximum %s is one of the permutations' %s", m, possible)
				.isTrue();
		}
		// the replications do differ from one another
		assertThat(Arrays.stream(maxima).distinct().count()).isGreaterThan(1);
		// and the observed data is one of the permutations too
		assertThat(result.clusters().get(0).logLikelihoodRatio()).isCloseTo(
				ScanBruteForce.maximum(data, options, counts(data)), org.assertj.core.api.Assertions.within(1e-9));
	}

	@ParameterizedTest(name = "prospective {0}")
	@ValueSource(booleans = { false, true })
	void whenEveryPermutationIsAsLikelyEveryReplicationTiesAndThePValueIsOne(boolean prospective) {
		// one case at A on the first day and one at B on the second: swapping the days
		// gives the mirror image, as likely as the data
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B"), new double[] { 0, 1 }, new double[] { 0, 0 }, DAY0,
				new int[][] { { 1, 0 }, { 0, 1 } });
		ScanOptions options = ScanOptions.retrospective()
			.withProspective(prospective)
			.withMinCases(1)
			.withReplications(19)
			.withReportPValueOne(true);
		assertThat(ScanBruteForce.maximaOfEveryPermutation(data, options)).hasSize(1);

		SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data, options);

		SpaceTimePermutationScan.Cluster top = result.clusters().get(0);
		assertThat(result.replicateMaxima()).containsOnly(top.logLikelihoodRatio());
		// rank = 1 + the replications at least as large: all 19
		assertThat(top.pValue()).isEqualTo(1.0);
		assertThat(result.criticalValue(0.01)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(result.criticalValue(0.05)).isEqualTo(top.logLikelihoodRatio());
		// and clusters with p = 1 are not reported unless asked for
		assertThat(SpaceTimePermutationScan.scan(data, options.withReportPValueOne(false)).clusters()).isEmpty();
	}

	@Test
	void theLargestLlrOfTheDataIsTheBruteForceOneWithTheLimitsOfTheOptions() {
		SpaceTimeCases data = sevenCases(70);
		for (ScanOptions options : List.of(ScanOptions.retrospective().withMinCases(1).withReplications(0),
				ScanOptions.retrospective().withMaxDays(3).withReplications(0),
				ScanOptions.prospectiveDefaults().withMinCases(1).withMaxDays(4).withReplications(0))) {
			List<SpaceTimePermutationScan.Cluster> clusters = SpaceTimePermutationScan.scan(data, options).clusters();
			double expected = ScanBruteForce.maximum(data, options, counts(data));
			if (expected == 0) {
				assertThat(clusters).isEmpty();
			}
			else {
				assertThat(clusters.get(0).logLikelihoodRatio()).as("%s", options)
					.isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
			}
		}
	}

	static int[][] counts(SpaceTimeCases data) {
		int[][] counts = new int[data.locationCount()][data.days()];
		for (int l = 0; l < data.locationCount(); l++) {
			for (int d = 0; d < data.days(); d++) {
				counts[l][d] = data.count(l, d);
			}
		}
		return counts;
	}

}
