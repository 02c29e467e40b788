package org.harmwatch.analytics.scan;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The space-time permutation scan: the injected cluster of the generated data is the most
 * likely cluster, the LLR agrees with an independent brute force, p-values are rank / (R
 * + 1) and reproducible, secondary clusters do not overlap, and degenerate inputs give no
 * cluster.
 */
class SpaceTimePermutationScanTests {

	static final LocalDate DAY0 = LocalDate.of(2023, 1, 1);

	@Test
	void findsTheInjectedClusterOfTheSmallGeneratedDataSet() {
		// gen_data.py spacetime --locs 50 --days 90: cluster centre L47, 8 locations,
		// 2023-03-12..2023-03-21, RR 3
		SpaceTimeCases data = ScanFixtures.load("st_50x90");

		SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data, ScanOptions.retrospective());

		SpaceTimePermutationScan.Cluster top = result.clusters().get(0);
		assertThat(top.locations()).containsExactlyInAnyOrderElementsOf(nearest(data, "L47", 8));
		assertThat(top.start()).isEqualTo(LocalDate.of(2023, 3, 12));
		assertThat(top.end()).isEqualTo(LocalDate.of(2023, 3, 21));
		assertThat(top.pValue()).isEqualTo(0.001);
		assertThat(result.totalCases()).isEqualTo(2604);
		assertThat(result.replicateMaxima()).hasSize(999);
	}

	@Test
	void findsTheInjectedClusterOfTheFullSizeDataSetRetrospectivelyAndProspectively() {
		// gen_data.py spacetime --locs 200 --days 365: centre L114, 8 locations,
		// 2023-12-15..2023-12-24, RR 3
		SpaceTimeCases data = ScanFixtures.load("st_200x365");
		Set<String> injected = new HashSet<>(nearest(data, "L114", 8));

		SpaceTimePermutationScan.Cluster retrospective = SpaceTimePermutationScan
			.scan(data, ScanOptions.retrospective().withReplications(19))
			.clusters()
			.get(0);

		assertThat(injected).containsAll(retrospective.locations());
		assertThat(retrospective.locations().size()).isGreaterThanOrEqualTo(6);
		assertThat(retrospective.start()).isBetween(LocalDate.of(2023, 12, 13), LocalDate.of(2023, 12, 17));
		assertThat(retrospective.end()).isBetween(LocalDate.of(2023, 12, 22), LocalDate.of(2023, 12, 26));
		assertThat(retrospective.pValue()).isEqualTo(1.0 / 20);
		// the outbreak ended a week before the data did, so prospectively it is not
		// ongoing: a different, weak cluster
		SpaceTimePermutationScan.Result prospective = SpaceTimePermutationScan.scan(data,
				ScanOptions.prospectiveDefaults().withReplications(19));
		assertThat(prospective.clusters()).allSatisfy(c -> assertThat(c.end()).isEqualTo(LocalDate.of(2023, 12, 31)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void llrAgreesWithBruteForceOnSmallInputs(boolean prospective) {
		SplittableRandom random = new SplittableRandom(5);
		for (int trial = 0; trial < 24; trial++) {
			int locations = 3 + random.nextInt(10);
			// some long enough to span several of the scan's 64-day blocks
			int days = trial % 3 == 2 ? 60 + random.nextInt(110) : 1 + random.nextInt(25);
			SpaceTimeCases data = randomData(random, locations, days, trial % 3 == 0);
			ScanOptions options = ScanOptions.retrospective()
				.withProspective(prospective)
				.withMaxDays(1 + random.nextInt(Math.min(days + 2, 45)))
				.withMaxShareOfLocations(0.2 + 0.8 * random.nextDouble())
				.withMinCases(1 + random.nextInt(2))
				.withReplications(0);
			if (trial % 4 == 1) {
				options = options.withMaxRadius(150 * random.nextDouble());
			}
			if (trial % 4 == 2) {
				options = options.withMaxShareOfCases(0.3);
			}
			BruteForce brute = BruteForce.best(data, options, data.countsView());

			SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data, options);

			String at = "trial " + trial;
			if (brute.llr == 0) {
				assertThat(result.clusters()).as(at).isEmpty();
				continue;
			}
			SpaceTimePermutationScan.Cluster top = result.clusters().get(0);
			assertThat(top.logLikelihoodRatio()).as(at).isCloseTo(brute.llr, within(1e-9));
			assertThat(top.observed()).as(at).isEqualTo(brute.observed);
			assertThat(top.expected()).as(at).isCloseTo(brute.expected, within(1e-9));
			// and on permuted data, as the replications see it
			int[] shuffled = shuffledDays(data, random);
			assertThat(SpaceTimePermutationScan.maximumLlr(data, options, shuffled)).as(at)
				.isCloseTo(BruteForce.best(data, options, shuffled).llr, within(1e-9));
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void pValuesAreTheRankAmongTheReplicationsAndDoNotDependOnTheThreads(boolean prospective) throws Exception {
		SpaceTimeCases data = ScanFixtures.load("st_50x90");
		// prospective replications draw only the cases of the last days: checked here too
		ScanOptions options = ScanOptions.retrospective()
			.withReplications(99)
			.withSeed(7)
			.withProspective(prospective)
			.withReportPValueOne(true);

		SpaceTimePermutationScan.Result common = SpaceTimePermutationScan.scan(data, options);
		SpaceTimePermutationScan.Result oneThread;
		try (ForkJoinPool single = new ForkJoinPool(1)) {
			oneThread = single.submit(() -> SpaceTimePermutationScan.scan(data, options)).get();
		}

		assertThat(oneThread.replicateMaxima()).containsExactly(common.replicateMaxima());
		assertThat(oneThread.clusters()).isEqualTo(common.clusters());
		for (SpaceTimePermutationScan.Cluster c : common.clusters()) {
			long atLeast = Arrays.stream(common.replicateMaxima()).filter(m -> m >= c.logLikelihoodRatio()).count();
			assertThat(c.pValue()).isEqualTo((1 + atLeast) / 100.0);
		}
		assertThat(SpaceTimePermutationScan.scan(data, options.withSeed(8)).replicateMaxima())
			.isNotEqualTo(common.replicateMaxima());
		assertThat(common.criticalValue(0.05)).isGreaterThan(common.criticalValue(0.5));
	}

	@Test
	void underTheOlderRuleSecondaryClustersShareNoLocationWithEarlierOnes() {
		SpaceTimeCases data = ScanFixtures.load("st_50x90");

		List<SpaceTimePermutationScan.Cluster> clusters = SpaceTimePermutationScan
			.scan(data,
					ScanOptions.retrospective()
						.withReplications(9)
						.withReportPValueOne(true)
						.withSecondaryClusters(ScanOptions.SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP))
			.clusters();

		assertThat(clusters).hasSizeGreaterThan(2);
		Set<String> seen = new HashSet<>();
		for (SpaceTimePermutationScan.Cluster c : clusters) {
			for (String l : c.locations()) {
				assertThat(seen.add(l)).as("location %s in cluster %d", l, c.rank()).isTrue();
			}
		}
		assertThat(clusters).isSortedAccordingTo(
				Comparator.comparingDouble(SpaceTimePermutationScan.Cluster::logLikelihoodRatio).reversed());
		assertThat(clusters.get(0).rank()).isEqualTo(1);
	}

	@Test
	void asSatScan102SecondaryClustersMayShareLocationsOnlyAtOtherTimes() {
		SpaceTimeCases data = ScanFixtures.load("st_50x90");
		ScanOptions options = ScanOptions.retrospective()
			.withReplications(9)
			.withReportPValueOne(true)
			.withMaxClusters(60);

		List<SpaceTimePermutationScan.Cluster> clusters = SpaceTimePermutationScan.scan(data, options).clusters();
		List<SpaceTimePermutationScan.Cluster> older = SpaceTimePermutationScan
			.scan(data, options.withSecondaryClusters(ScanOptions.SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP))
			.clusters();

		assertThat(clusters).hasSize(60);
		assertThat(clusters.get(0)).isEqualTo(older.get(0));
		boolean sharing = false;
		for (int i = 0; i < clusters.size(); i++) {
			for (int j = 0; j < i; j++) {
				SpaceTimePermutationScan.Cluster a = clusters.get(j);
				SpaceTimePermutationScan.Cluster b = clusters.get(i);
				boolean shares = a.locations().stream().anyMatch(b.locations()::contains);
				// SaTScan counts clusters a day apart as overlapping: a gap of a day at
				// least
				boolean apart = a.end().plusDays(1).isBefore(b.start()) || b.end().plusDays(1).isBefore(a.start());
				assertThat(!shares || apart).as("cluster %d against %d", b.rank(), a.rank()).isTrue();
				sharing |= shares;
			}
		}
		assertThat(sharing).as("some clusters share locations at other times").isTrue();
		assertThat(clusters).isSortedAccordingTo(
				Comparator.comparingDouble(SpaceTimePermutationScan.Cluster::logLikelihoodRatio).reversed());
		// one centre may offer several clusters at different times
		assertThat(clusters.stream().map(SpaceTimePermutationScan.Cluster::centre).distinct().count())
			.isLessThan(clusters.size());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void secondaryClustersAgreeWithAnIndependentImplementationOfBothRules(boolean older) {
		SplittableRandom random = new SplittableRandom(11);
		for (int trial = 0; trial < 16; trial++) {
			int locations = 3 + random.nextInt(8);
			int days = trial % 2 == 0 ? 40 + random.nextInt(60) : 5 + random.nextInt(20);
			SpaceTimeCases data = randomData(random, locations, days, trial % 3 == 0);
			ScanOptions options = ScanOptions.retrospective()
				.withMaxDays(1 + random.nextInt(12))
				.withMaxShareOfLocations(0.3 + 0.7 * random.nextDouble())
				.withReplications(0)
				.withMaxClusters(10_000)
				.withSecondaryClusters(older ? ScanOptions.SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP
						: ScanOptions.SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME);

			List<SpaceTimePermutationScan.Cluster> clusters = SpaceTimePermutationScan.scan(data, options).clusters();
			List<BruteForce.Candidate> expected = BruteForce.reported(data, options, older);

			String at = "trial " + trial;
			assertThat(clusters).as(at).hasSameSizeAs(expected);
			for (int i = 0; i < clusters.size(); i++) {
				SpaceTimePermutationScan.Cluster c = clusters.get(i);
				BruteForce.Candidate e = expected.get(i);
				assertThat(c.logLikelihoodRatio()).as(at + " cluster " + i).isCloseTo(e.llr(), within(1e-9));
				assertThat(c.centre()).as(at + " cluster " + i).isEqualTo(data.locations().get(e.centre()));
				assertThat(c.locations()).as(at + " cluster " + i).hasSize(e.members().size());
				assertThat(c.start()).as(at + " cluster " + i).isEqualTo(data.day(e.start()));
				assertThat(c.end()).as(at + " cluster " + i).isEqualTo(data.day(e.end()));
				assertThat(c.pValue()).isNaN();
			}
		}
	}

	@Test
	void clustersWithPValueOneAreLeftOutUnlessAskedFor() {
		SpaceTimeCases data = ScanFixtures.load("st_50x90");
		ScanOptions options = ScanOptions.retrospective().withReplications(19).withMaxClusters(40);

		List<SpaceTimePermutationScan.Cluster> reported = SpaceTimePermutationScan.scan(data, options).clusters();
		List<SpaceTimePermutationScan.Cluster> all = SpaceTimePermutationScan
			.scan(data, options.withReportPValueOne(true))
			.clusters();

		assertThat(reported).isNotEmpty().allSatisfy(c -> assertThat(c.pValue()).isLessThan(1.0));
		assertThat(all).hasSize(40).anySatisfy(c -> assertThat(c.pValue()).isEqualTo(1.0));
		assertThat(all.subList(0, reported.size())).isEqualTo(reported);
	}

	@Test
	void allZeroCountsGiveNoCluster() {
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B"), new double[] { 0, 1 }, new double[] { 0, 0 }, DAY0,
				new int[2][10]);

		SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(data, ScanOptions.retrospective());

		assertThat(result.clusters()).isEmpty();
		assertThat(result.totalCases()).isZero();
	}

	@Test
	void aSingleLocationOrASingleDayHasNoSpaceTimeInteraction() {
		// every cylinder's expected count equals its observed count: LLR 0 everywhere
		int[][] oneLocation = { { 3, 0, 9, 1, 12, 2 } };
		SpaceTimeCases single = SpaceTimeCases.of(List.of("A"), new double[] { 0 }, new double[] { 0 }, DAY0,
				oneLocation);
		assertThat(SpaceTimePermutationScan.scan(single, ScanOptions.retrospective().withMaxShareOfLocations(1.0))
			.clusters()).isEmpty();

		int[][] oneDay = { { 4 }, { 9 }, { 1 } };
		SpaceTimeCases day = SpaceTimeCases.of(List.of("A", "B", "C"), new double[] { 0, 1, 2 },
				new double[] { 0, 0, 0 }, DAY0, oneDay);
		assertThat(SpaceTimePermutationScan.scan(day, ScanOptions.retrospective()).clusters()).isEmpty();
	}

	@Test
	void locationsAtTheSameDistanceAreInOrOutTogetherAndTiesAreResolvedTheSameWayEveryTime() {
		// B and C are both 1 from A: no circle around A holds one without the other
		int[][] counts = new int[4][6];
		counts[1][5] = 5;
		counts[2][5] = 5;
		counts[3][0] = 10;
		counts[0][0] = 3;
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B", "C", "D"), new double[] { 0, 1, -1, 50 },
				new double[] { 0, 0, 0, 0 }, DAY0, counts);
		ScanOptions options = ScanOptions.retrospective().withMaxShareOfLocations(0.75).withReplications(19);

		SpaceTimePermutationScan.Result first = SpaceTimePermutationScan.scan(data, options);
		SpaceTimePermutationScan.Result again = SpaceTimePermutationScan.scan(data, options);

		assertThat(first.clusters()).isEqualTo(again.clusters());
		for (SpaceTimePermutationScan.Cluster c : first.clusters()) {
			if (c.centre().equals("A")) {
				assertThat(c.locations().contains("B")).isEqualTo(c.locations().contains("C"));
			}
		}
		assertThat(first.clusters().get(0).logLikelihoodRatio())
			.isCloseTo(BruteForce.best(data, options, data.countsView()).llr, within(1e-9));
	}

	@Test
	void readsSatScanFilesAndNamesTheLineOfABadOne() throws IOException {
		String geo = "loc,x,y\nL1,0,0\nL2,100,0\nL3,0,100\n";
		String cases = "loc,date,count\nL1,2023-01-01,2\nL2,2023-01-03,1\nL1,2023-01-03,4\nL1,2023-01-03,1\n";

		SpaceTimeCases data = SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(geo));

		assertThat(data.locations()).containsExactly("L1", "L2", "L3");
		assertThat(data.days()).isEqualTo(3);
		assertThat(data.count(0, 2)).isEqualTo(5);
		assertThat(data.count(2, 0)).isZero();
		assertThat(data.totalCases()).isEqualTo(8);
		SpaceTimeCases noHeader = SpaceTimeCases.readSatScan(new StringReader("L2 2023-01-02 3\n"),
				new StringReader("L1 0 0\nL2 1 1\n"), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 5));
		assertThat(noHeader.days()).isEqualTo(5);
		assertThat(noHeader.count(1, 1)).isEqualTo(3);

		assertThatThrownBy(
				() -> SpaceTimeCases.readSatScan(new StringReader(cases + "L9,2023-01-02,1\n"), new StringReader(geo)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 6")
			.hasMessageContaining("L9");
		assertThatThrownBy(
				() -> SpaceTimeCases.readSatScan(new StringReader(cases + "L1,2023-01-02,-1\n"), new StringReader(geo)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 6");
		assertThatThrownBy(
				() -> SpaceTimeCases.readSatScan(new StringReader(cases + "L1,yesterday,1\n"), new StringReader(geo)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 6");
	}

	/**
	 * The k locations nearest a centre (the centre included), as gen_data.py chooses the
	 * injected ones.
	 */
	static List<String> nearest(SpaceTimeCases data, String centre, int k) {
		int c = data.locations().indexOf(centre);
		List<Integer> idx = new ArrayList<>();
		for (int i = 0; i < data.locationCount(); i++) {
			idx.add(i);
		}
		idx.sort(Comparator.comparingDouble(i -> Math.hypot(data.x(i) - data.x(c), data.y(i) - data.y(c))));
		return idx.subList(0, k).stream().map(data.locations()::get).toList();
	}

	static SpaceTimeCases randomData(SplittableRandom random, int locations, int days, boolean ties) {
		List<String> ids = new ArrayList<>();
		double[] x = new double[locations];
		double[] y = new double[locations];
		int[][] counts = new int[locations][days];
		for (int l = 0; l < locations; l++) {
			ids.add("L" + l);
			// on a coarse lattice when ties are wanted: equal distances everywhere
			x[l] = ties ? random.nextInt(4) * 10 : random.nextDouble() * 100;
			y[l] = ties ? random.nextInt(4) * 10 : random.nextDouble() * 100;
			for (int d = 0; d < days; d++) {
				counts[l][d] = random.nextInt(10) < 6 ? 0 : random.nextInt(1, 6);
			}
		}
		if (locations > 2 && days > 3) {
			counts[1][days - 1] += 9;
			counts[2][days - 2] += 7;
		}
		return SpaceTimeCases.of(ids, x, y, DAY0, counts);
	}

	static int[] shuffledDays(SpaceTimeCases data, SplittableRandom random) {
		List<Integer> caseDays = new ArrayList<>();
		for (int l = 0; l < data.locationCount(); l++) {
			for (int d = 0; d < data.days(); d++) {
				for (int k = 0; k < data.count(l, d); k++) {
					caseDays.add(d);
				}
			}
		}
		java.util.Collections.shuffle(caseDays, new java.util.Random(random.nextLong()));
		int[] out = new int[data.locationCount() * data.days()];
		int pos = 0;
		for (int l = 0; l < data.locationCount(); l++) {
			long atLocation = 0;
			for (int d = 0; d < data.days(); d++) {
				atLocation += data.count(l, d);
			}
			for (long k = 0; k < atLocation; k++) {
				out[l * data.days() + caseDays.get(pos++)]++;
			}
		}
		return out;
	}

	/**
	 * Every cylinder, counted from scratch, with the textbook formula: the reference for
	 * the fast scan.
	 */
	record BruteForce(double llr, long observed, double expected) {

		static BruteForce best(SpaceTimeCases data, ScanOptions o, int[] counts) {
			int n = data.locationCount();
			int days = data.days();
			long total = 0;
			long[] perLocation = new long[n];
			long[] perDay = new long[days];
			for (int l = 0; l < n; l++) {
				for (int d = 0; d < days; d++) {
					int c = counts[l * days + d];
					total += c;
					perLocation[l] += c;
					perDay[d] += c;
				}
			}
			// per-location prefix sums keep this affordable; everything else is done the
			// long way
			long[][] prefix = new long[n][days + 1];
			for (int l = 0; l < n; l++) {
				for (int d = 0; d < days; d++) {
					prefix[l][d + 1] = prefix[l][d] + counts[l * days + d];
				}
			}
			BruteForce best = new BruteForce(0, 0, 0);
			for (int centre = 0; centre < n; centre++) {
				for (int member = 0; member < n; member++) {
					// the circle reaching out to this member's distance: everyone at most
					// that far
					double r = dist(data, centre, member);
					List<Integer> circle = new ArrayList<>();
					long cz = 0;
					for (int l = 0; l < n; l++) {
						if (dist(data, centre, l) <= r) {
							circle.add(l);
							cz += perLocation[l];
						}
					}
					if (circle.size() > o.maxShareOfLocations() * n || cz > o.maxShareOfCases() * total
							|| r > o.maxRadius()) {
						continue;
					}
					for (int end = 0; end < days; end++) {
						if (o.prospective() && end != days - 1) {
							continue;
						}
						for (int start = end; start >= 0 && end - start + 1 <= o.maxDays(); start--) {
							long c = 0;
							long cd = 0;
							for (int d = start; d <= end; d++) {
								cd += perDay[d];
							}
							for (int l : circle) {
								c += prefix[l][end + 1] - prefix[l][start];
							}
							if (c < o.minCases() || total == 0) {
								continue;
							}
							double mu = (double) cz * cd / total;
							if (c <= mu) {
								continue;
							}
							double llr = c * Math.log(c / mu)
									+ (c == total ? 0 : (total - c) * Math.log((total - c) / (total - mu)));
							if (llr > best.llr) {
								best = new BruteForce(llr, c, mu);
							}
						}
					}
				}
			}
			return best;
		}

		/** A cylinder: centre, the circle's members, first and last day, LLR. */
		record Candidate(int centre, List<Integer> members, int start, int end, double llr) {
		}

		/**
		 * The clusters reported with no p-value cut, written from SaTScan's description:
		 * per centre and window the best circle; per centre the best cylinder and (newer
		 * rule) recursively the best with LLR above 1 wholly before and after it, a day
		 * apart; then most likely first, dropping one that shares a location with a kept
		 * one (and, newer rule, overlaps it in time).
		 */
		static List<Candidate> reported(SpaceTimeCases data, ScanOptions o, boolean older) {
			int n = data.locationCount();
			int days = data.days();
			int[] counts = data.countsView();
			long total = 0;
			long[] perLocation = new long[n];
			long[] perDay = new long[days];
			for (int l = 0; l < n; l++) {
				for (int d = 0; d < days; d++) {
					total += counts[l * days + d];
					perLocation[l] += counts[l * days + d];
					perDay[d] += counts[l * days + d];
				}
			}
			List<Candidate> all = new ArrayList<>();
			for (int centre = 0; centre < n; centre++) {
				int fc = centre;
				List<Integer> byDistance = new ArrayList<>();
				for (int l = 0; l < n; l++) {
					byDistance.add(l);
				}
				byDistance.sort(Comparator.comparingDouble((Integer l) -> dist(data, fc, l)).thenComparingInt(l -> l));
				Candidate[][] window = new Candidate[days][days];
				Candidate top = null;
				for (int size = 1; size <= n; size++) {
					double r = dist(data, centre, byDistance.get(size - 1));
					if (size < n && dist(data, centre, byDistance.get(size)) == r) {
						continue;
					}
					List<Integer> circle = byDistance.subList(0, size);
					long cz = circle.stream().mapToLong(l -> perLocation[l]).sum();
					if (size > o.maxShareOfLocations() * n || cz > o.maxShareOfCases() * total) {
						break;
					}
					for (int end = 0; end < days; end++) {
						for (int start = end; start >= 0 && end - start + 1 <= o.maxDays(); start--) {
							long c = 0;
							long cd = 0;
							for (int d = start; d <= end; d++) {
								cd += perDay[d];
								for (int l : circle) {
									c += counts[l * days + d];
								}
							}
							double mu = (double) cz * cd / total;
							if (c < o.minCases() || c <= mu) {
								continue;
							}
							double llr = c * Math.log(c / mu)
									+ (c == total ? 0 : (total - c) * Math.log((total - c) / (total - mu)));
							Candidate cand = new Candidate(centre, List.copyOf(circle), start, end, llr);
							if (window[start][end] == null || llr > window[start][end].llr() + 1e-12) {
								window[start][end] = cand;
							}
							if (top == null || llr > top.llr() + 1e-12) {
								top = cand;
							}
						}
					}
				}
				if (top == null) {
					continue;
				}
				all.add(top);
				if (!older) {
					recurse(window, 0, top.start() - 2, all);
					recurse(window, top.end() + 2, days - 1, all);
				}
			}
			all.sort(Comparator.comparingDouble((Candidate c) -> -c.llr())
				.thenComparingInt(c -> c.members().size())
				.thenComparingInt(Candidate::centre)
				.thenComparingInt(Candidate::start));
			List<Candidate> kept = new ArrayList<>();
			for (Candidate c : all) {
				boolean drop = false;
				for (Candidate k : kept) {
					boolean shares = k.members().stream().anyMatch(c.members()::contains);
					boolean apart = k.end() + 1 < c.start() || c.end() + 1 < k.start();
					drop |= shares && (older || !apart);
				}
				if (!drop) {
					kept.add(c);
				}
			}
			return kept;
		}

		private static void recurse(Candidate[][] window, int from, int to, List<Candidate> out) {
			Candidate best = null;
			// SaTScan's order: latest end first, then latest start; ties keep the first
			for (int end = to; end >= from; end--) {
				for (int start = end; start >= from; start--) {
					Candidate c = window[start][end];
					if (c != null && c.llr() > 1 && (best == null || c.llr() > best.llr())) {
						best = c;
					}
				}
			}
			if (best != null) {
				out.add(best);
				recurse(window, from, best.start() - 2, out);
				recurse(window, best.end() + 2, to, out);
			}
		}

		private static double dist(SpaceTimeCases data, int a, int b) {
			return Math.hypot(data.x(a) - data.x(b), data.y(a) - data.y(b));
		}

	}

}
