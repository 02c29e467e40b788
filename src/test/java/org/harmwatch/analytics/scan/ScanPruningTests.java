package org.harmwatch.analytics.scan;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the scan's pruning rests on: the bound {@code LLR <= Delta^2 / (2 C^2 spread(mu))}
 * holds for every window (including the extremes: all cases in the window, tiny and huge
 * expected counts), its minimum over a range of mu is at an end of the range, and with it
 * the largest LLR of data sets large enough for most windows and blocks to be pruned is
 * still the brute-force one.
 */
class ScanPruningTests {

	@ParameterizedTest(name = "C = {0}")
	@ValueSource(longs = { 2, 3, 10, 997, 125_000, 1L << 26 })
	void theBoundHoldsForEveryWindowAndIsAboutHalfTheChiSquareWhenMuIsSmall(long cases) {
		double total = cases;
		SplittableRandom random = new SplittableRandom(cases);
		for (int i = 0; i < 200_000; i++) {
			// C_Z and C_D anywhere from 1 to C, the window's count anywhere above mu
			long cz = 1 + random.nextLong(cases);
			long cd = 1 + random.nextLong(cases);
			double mu = cz * (double) cd / total;
			if (mu >= total) {
				// C_Z = C_D = C: no window can hold more than expected
				continue;
			}
			long c = i % 7 == 0 ? Math.min(cz, cd) : (long) Math.ceil(mu) + random.nextLong(cases - (long) mu);
			c = Math.min(c, cases);
			double llr = SpaceTimePermutationScan.llr(c, mu, total);
			double delta = total * c - (double) cz * cd;
			double bound = delta * delta / (2 * total * total * ScanKernel.spread(mu, total));
			double chiSquare = delta * delta / (total * mu * (total - mu));
			String at = "c " + c + ", C_Z " + cz + ", C_D " + cd;
			assertThat(llr).as(at).isLessThanOrEqualTo(bound * (1 + 1e-12) + 1e-12);
			if (mu < total) {
				assertThat(bound).as(at).isLessThanOrEqualTo(chiSquare * (1 + 1e-12));
			}
		}
		// a window holding every case, with a tiny expectation: the far end of the range
		double mu = 1.0 / total;
		double delta = total * total - 1;
		assertThat(SpaceTimePermutationScan.llr(total, mu, total))
			.isLessThanOrEqualTo(delta * delta / (2 * total * total * ScanKernel.spread(mu, total)));
		// about half the chi-square when mu is small against C
		if (cases >= 997) {
			mu = total / 1000;
			// chi-square / bound = 2 C / (C + mu)
			assertThat(ScanKernel.spread(mu, total) * 2 * total / (mu * (total - mu))).isCloseTo(2, within(0.01));
		}
	}

	@Test
	void theBoundIsTightWhereTheCountIsNearItsExpectation() {
		double total = 125_000;
		double mu = 40;
		double c = 41;
		double delta = total * (c - mu);
		double bound = delta * delta / (2 * total * total * ScanKernel.spread(mu, total));
		assertThat(SpaceTimePermutationScan.llr(c, mu, total)).isCloseTo(bound, within(bound * 0.02));
	}

	@Test
	void overARangeOfExpectationsTheSmallestSpreadIsAtAnEnd() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 100_000; i++) {
			double total = 2 + random.nextInt(200_000);
			double a = random.nextDouble() * total;
			double b = a + random.nextDouble() * (total - a);
			double inside = a + random.nextDouble() * (b - a);
			double ends = Math.min(ScanKernel.spread(a, total), ScanKernel.spread(b, total));
			assertThat(ScanKernel.spread(inside, total)).isGreaterThanOrEqualTo(ends * (1 - 1e-12));
		}
	}

	@ParameterizedTest(name = "{0}, prospective {1}")
	@CsvSource({ "NO_OVERLAP_IN_SPACE_AND_TIME, false", "NO_GEOGRAPHICAL_OVERLAP, false",
			"NO_OVERLAP_IN_SPACE_AND_TIME, true" })
	void theObservedSearchLeavesOutOnlyWhatPValueOneWouldHide(ScanOptions.SecondaryClusters rule, boolean prospective) {
		// a year: six 64-day blocks; few replications, so the smallest maximum (below
		// which the observed search prunes) is high
		SpaceTimeCases data = ScanFixtures.load("st_200x365");
		ScanOptions options = ScanOptions.retrospective()
			.withReplications(19)
			.withProspective(prospective)
			.withSecondaryClusters(rule)
			.withMaxClusters(60);

		SpaceTimePermutationScan.Result pruned = SpaceTimePermutationScan.scan(data, options);
		// with p = 1 reported nothing is pruned
		List<SpaceTimePermutationScan.Cluster> all = SpaceTimePermutationScan
			.scan(data, options.withReportPValueOne(true))
			.clusters();

		assertThat(pruned.replicateMaxima()).isNotEmpty();
		assertThat(pruned.clusters()).isNotEmpty()
			.isEqualTo(all.stream().filter(c -> c.pValue() < 1).limit(60).toList());
		assertThat(all).anySatisfy(c -> assertThat(c.logLikelihoodRatio()).isLessThan(pruned.replicateMaxima()[0]));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void onDataWhereMostBlocksArePrunedTheMaximumIsStillTheBruteForceOne(boolean prospective) {
		SplittableRandom random = new SplittableRandom(11);
		// about 4,800 cases over 200 days: four 64-day blocks, thresholds well above zero
		SpaceTimeCases data = SpaceTimePermutationScanTests.randomData(random, 20, 200, false);
		ScanOptions options = ScanOptions.retrospective()
			.withProspective(prospective)
			.withMaxShareOfLocations(1.0)
			.withMaxShareOfCases(0.5)
			.withReplications(0);
		for (int trial = 0; trial < 4; trial++) {
			int[] counts = trial == 0 ? data.countsView() : SpaceTimePermutationScanTests.shuffledDays(data, random);
			double brute = SpaceTimePermutationScanTests.BruteForce.best(data, options, counts).llr();
			assertThat(brute).as("trial " + trial).isPositive();
			assertThat(SpaceTimePermutationScan.maximumLlr(data, options, counts)).as("trial " + trial)
				.isCloseTo(brute, within(1e-9));
		}
	}

}
