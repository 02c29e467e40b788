package org.harmwatch.analytics.scan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The squared Delta below which the scan skips a window ({@code ScanKernel.limit}),
 * checked window by window on small random data, with everything the test needs (each
 * circle's members, every window's count, expectation and LLR) counted here the long way:
 * <ul>
 * <li>safe at the edge: a window whose LLR is only just above the best so far is never
 * skipped;</li>
 * <li>tight: the limit is the bound's own threshold {@code best 2 C^2 mu (C - mu) / (C +
 * mu)} at the least favourable window of the length, with only the documented relaxation
 * of {@code C + mu} to {@code C + C_Z max share} (max share: the largest share of all
 * cases any scanned window's days hold), so it skips all it may and no less.</li>
 * </ul>
 */
class ScanLimitTests {

	@ParameterizedTest(name = "{0} locations, {1} days, prospective {2}, seed {3}, largest share {4}")
	@CsvSource({ "7, 40, false, 1, 0.5", "9, 75, false, 2, 0.5", "6, 30, true, 3, 0.5", "8, 70, true, 4, 0.5",
			"5, 12, false, 5, 1.0", "6, 9, false, 6, 1.0" })
	void theLimitSkipsNoWindowThatBeatsTheBestAndNoLessThanTheBoundAllows(int locations, int days, boolean prospective,
			long seed, double largestShare) {
		SplittableRandom random = new SplittableRandom(seed);
		int[][] counts = new int[locations][days];
		double[] x = new double[locations];
		double[] y = new double[locations];
		List<String> ids = new ArrayList<>();
		for (int l = 0; l < locations; l++) {
			ids.add("L" + l);
			x[l] = random.nextDouble(10);
			y[l] = random.nextDouble(10);
			for (int d = 0; d < days; d++) {
				// mostly quiet, some busy days (so the days' totals differ widely)
				counts[l][d] = random.nextInt(10) == 0 ? random.nextInt(9) : random.nextInt(2);
			}
		}
		SpaceTimeCases data = SpaceTimeCases.of(ids, x, y, LocalDate.of(2025, 1, 1), counts);
		// with circles up to every location and windows up to the whole period, a long
		// window can expect more than C minus the least any window of its length expects:
		// then the least mu (C - mu) is at the upper end of the range
		int maxDays = largestShare == 1.0 ? days : days / 2;
		ScanOptions options = ScanOptions.retrospective()
			.withProspective(prospective)
			.withMaxDays(maxDays)
			.withMaxShareOfLocations(largestShare)
			.withMaxShareOfCases(largestShare);
		ScanKernel kernel = new ScanKernel(data, options);

		long[] perLocation = new long[locations];
		long[] perDay = new long[days];
		long all = 0;
		for (int l = 0; l < locations; l++) {
			for (int d = 0; d < days; d++) {
				perLocation[l] += counts[l][d];
				perDay[d] += counts[l][d];
				all += counts[l][d];
			}
		}
		double total = all;
		// the largest share of all cases on the days of any window scanned
		double maxShare = 0;
		for (int len = 1; len <= maxDays; len++) {
			for (int end = firstEnd(len, days, prospective); end < days; end++) {
				maxShare = Math.max(maxShare, daysTotal(perDay, end, len) / total);
			}
		}
		int windowsChecked = 0;
		for (int centre = 0; centre < locations; centre++) {
			for (List<Integer> circle : ScanBruteForce.circles(data, options, centre, perLocation, all)) {
				long cz = 0;
				for (int l : circle) {
					cz += perLocation[l];
				}
				for (int len = 1; len <= maxDays; len++) {
					double leastSpread = Double.POSITIVE_INFINITY;
					for (int end = firstEnd(len, days, prospective); end < days; end++) {
						double cd = daysTotal(perDay, end, len);
						double mu = cz * cd / total;
						leastSpread = Math.min(leastSpread, mu * (total - mu));
						long c = 0;
						for (int l : circle) {
							for (int d = end + 1 - len; d <= end; d++) {
								c += counts[l][d];
							}
						}
						double llr = ScanBruteForce.llr(c, mu, total);
						if (llr > 0) {
							double delta = total * c - cz * cd;
							String at = "centre " + centre + ", " + circle.size() + " locations, days "
									+ (end + 1 - len) + " to " + end;
							assertThat(delta * delta).as(at).isGreaterThan(kernel.limit(len, cz, llr * (1 - 1e-12)));
							windowsChecked++;
						}
					}
					for (double best : new double[] { 0.25, 3.0, 17.5 }) {
						double threshold = best * 2 * total * total * leastSpread / (total + cz * maxShare);
						assertThat(kernel.limit(len, cz, best)).as("circle of %d cases, length %d", cz, len)
							.isBetween(threshold * (1 - 1e-8), threshold);
					}
				}
			}
		}
		assertThat(windowsChecked).isGreaterThan(100);
	}

	private static int firstEnd(int len, int days, boolean prospective) {
		return prospective ? days - 1 : len - 1;
	}

	private static double daysTotal(long[] perDay, int end, int len) {
		long sum = 0;
		for (int d = end + 1 - len; d <= end; d++) {
			sum += perDay[d];
		}
		return sum;
	}

}
