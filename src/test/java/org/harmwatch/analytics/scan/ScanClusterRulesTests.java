package org.harmwatch.analytics.scan;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Which clusters the scan reports, at the edges of its rules: a circle exactly at the
 * largest share of locations, share of cases or radius is allowed; of equally likely
 * clusters the one with fewer locations comes first, then the one whose centre is listed
 * first; a cluster's length and observed-over-expected; and the largest number of cases.
 */
class ScanClusterRulesTests {

	static final LocalDate DAY0 = LocalDate.of(2024, 5, 6);

	/**
	 * A and B, 5 apart, have 4 cases each on day 2; C and D, far away, 3 a day on each of
	 * the 4 days. 32 cases: A and B hold a quarter of them.
	 */
	static SpaceTimeCases pairOutbreak() {
		int[][] counts = { { 0, 0, 4, 0 }, { 0, 0, 4, 0 }, { 3, 3, 3, 3 }, { 3, 3, 3, 3 } };
		return SpaceTimeCases.of(List.of("A", "B", "C", "D"), new double[] { 0, 3, 40, 0 },
				new double[] { 0, 4, 0, 45 }, DAY0, counts);
	}

	static SpaceTimePermutationScan.Cluster top(SpaceTimeCases data, ScanOptions options) {
		return SpaceTimePermutationScan.scan(data, options).clusters().get(0);
	}

	@Test
	void aCircleWithExactlyTheLargestShareOfLocationsIsAllowed() {
		ScanOptions options = ScanOptions.retrospective().withReplications(0).withMaxShareOfLocations(0.5);
		assertThat(top(pairOutbreak(), options).locations()).containsExactlyInAnyOrder("A", "B");
		assertThat(top(pairOutbreak(), options.withMaxShareOfLocations(0.49)).locations()).hasSize(1);
	}

	@Test
	void aCircleWithExactlyTheLargestShareOfCasesIsAllowed() {
		ScanOptions options = ScanOptions.retrospective().withReplications(0).withMaxShareOfCases(0.25);
		assertThat(top(pairOutbreak(), options).locations()).containsExactlyInAnyOrder("A", "B");
		assertThat(top(pairOutbreak(), options.withMaxShareOfCases(0.24)).locations()).hasSize(1);
	}

	@Test
	void aCircleWhoseRadiusIsExactlyTheLargestAllowedIsAllowed() {
		ScanOptions options = ScanOptions.retrospective().withReplications(0).withMaxRadius(5);
		SpaceTimePermutationScan.Cluster pair = top(pairOutbreak(), options);
		assertThat(pair.locations()).containsExactlyInAnyOrder("A", "B");
		assertThat(pair.radius()).isEqualTo(5.0);
		assertThat(top(pairOutbreak(), options.withMaxRadius(4.999)).locations()).hasSize(1);
		assertThat(top(pairOutbreak(), options.withMaxRadius(0)).radius()).isZero();
	}

	@Test
	void aClusterSaysHowLongItLastsAndHowManyMoreCasesItHasThanExpected() {
		// A has 6 cases over days 1..3, B and C 2 a day throughout
		int[][] counts = { { 0, 2, 2, 2, 0, 0 }, { 2, 2, 2, 2, 2, 2 }, { 2, 2, 2, 2, 2, 2 } };
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B", "C"), new double[] { 0, 30, 0 },
				new double[] { 0, 0, 40 }, DAY0, counts);

		SpaceTimePermutationScan.Cluster cluster = top(data, ScanOptions.retrospective().withReplications(0));

		assertThat(cluster.locations()).containsExactly("A");
		assertThat(cluster.start()).isEqualTo(DAY0.plusDays(1));
		assertThat(cluster.end()).isEqualTo(DAY0.plusDays(3));
		assertThat(cluster.days()).isEqualTo(3);
		assertThat(cluster.observed()).isEqualTo(6);
		// C_Z = 6, C_D = 6 + 12, C = 30: 3.6 expected
		assertThat(cluster.expected()).isCloseTo(3.6, within(1e-12));
		assertThat(cluster.observedOverExpected()).isCloseTo(6 / 3.6, within(1e-12));
	}

	@Test
	void ofEquallyLikelyClustersTheOneWithFewerLocationsComesFirst() {
		// Z (listed first) has no cases and lies 1 from A, whose 8 cases fall on day 3:
		// {A} and {Z, A} are equally likely, around A and around Z
		int[][] counts = new int[5][6];
		counts[1][3] = 8;
		for (int d = 0; d < 6; d++) {
			counts[2][d] = 2;
			counts[3][d] = 2;
			counts[4][d] = 2;
		}
		SpaceTimeCases data = SpaceTimeCases.of(List.of("Z", "A", "F1", "F2", "F3"), new double[] { 1, 0, 50, 0, 70 },
				new double[] { 0, 0, 0, 60, 70 }, DAY0, counts);

		SpaceTimePermutationScan.Cluster top = top(data, ScanOptions.retrospective().withReplications(0));

		assertThat(top.centre()).isEqualTo("A");
		assertThat(top.locations()).containsExactly("A");
		assertThat(top.start()).isEqualTo(DAY0.plusDays(3));
		assertThat(top.logLikelihoodRatio())
			.isEqualTo(ScanBruteForce.maximum(data, ScanOptions.retrospective(), counts), within(1e-9));
	}

	@Test
	void ofEquallyLikelyClustersOfOneSizeTheOneWhoseCentreIsListedFirstComesFirst() {
		// P's 6 cases on day 4 mirror Q's on day 1: equally likely, Q's earlier
		int[][] counts = { { 0, 0, 0, 0, 6, 0 }, { 0, 6, 0, 0, 0, 0 } };
		SpaceTimeCases data = SpaceTimeCases.of(List.of("P", "Q"), new double[] { 0, 10 }, new double[] { 0, 0 }, DAY0,
				counts);

		List<SpaceTimePermutationScan.Cluster> clusters = SpaceTimePermutationScan
			.scan(data, ScanOptions.retrospective().withReplications(0))
			.clusters();

		assertThat(clusters).extracting(SpaceTimePermutationScan.Cluster::centre).containsExactly("P", "Q");
		assertThat(clusters.get(0).logLikelihoodRatio()).isEqualTo(clusters.get(1).logLikelihoodRatio());
		assertThat(clusters).extracting(SpaceTimePermutationScan.Cluster::rank).containsExactly(1, 2);
	}

	@Test
	void upTo2To26CasesAreScannedAndOneMoreIsRefused() {
		int most = 1 << 26;
		SpaceTimeCases largest = SpaceTimeCases.of(List.of("A", "B"), new double[] { 0, 1 }, new double[] { 0, 0 },
				DAY0, new int[][] { { most - 1, 0 }, { 0, 1 } });
		assertThatCode(() -> SpaceTimePermutationScan.scan(largest, ScanOptions.retrospective().withReplications(0)))
			.doesNotThrowAnyException();
		SpaceTimeCases tooMany = SpaceTimeCases.of(List.of("A", "B"), new double[] { 0, 1 }, new double[] { 0, 0 },
				DAY0, new int[][] { { most, 0 }, { 0, 1 } });
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimePermutationScan.scan(tooMany, ScanOptions.retrospective().withReplications(0)))
			.withMessageContaining("2^26");
	}

}
