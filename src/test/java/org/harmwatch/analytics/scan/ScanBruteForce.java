package org.harmwatch.analytics.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The largest LLR of a count table counted the long way (every circle, every window, the
 * textbook formula), and every table a permutation of the cases' days can give: the
 * reference the replication tests compare the scan with. Independent of the scan's own
 * code.
 */
final class ScanBruteForce {

	private ScanBruteForce() {
	}

	/** The largest LLR over all cylinders of {@code counts[location][day]}. */
	static double maximum(SpaceTimeCases data, ScanOptions o, int[][] counts) {
		int n = data.locationCount();
		int days = data.days();
		long total = 0;
		long[] perLocation = new long[n];
		long[][] prefix = new long[n][days + 1];
		long[] dayPrefix = new long[days + 1];
		for (int l = 0; l < n; l++) {
			for (int d = 0; d < days; d++) {
				total += counts[l][d];
				perLocation[l] += counts[l][d];
				prefix[l][d + 1] = prefix[l][d] + counts[l][d];
			}
		}
		for (int d = 0; d < days; d++) {
			long sum = 0;
			for (int l = 0; l < n; l++) {
				sum += counts[l][d];
			}
			dayPrefix[d + 1] = dayPrefix[d] + sum;
		}
		if (total == 0) {
			return 0;
		}
		double best = 0;
		int maxDays = Math.min(o.maxDays(), days);
		for (int centre = 0; centre < n; centre++) {
			for (List<Integer> circle : circles(data, o, centre, perLocation, total)) {
				long cz = 0;
				for (int l : circle) {
					cz += perLocation[l];
				}
				for (int end = 0; end < days; end++) {
					if (o.prospective() && end != days - 1) {
						continue;
					}
					for (int len = 1; len <= maxDays && len <= end + 1; len++) {
						int start = end + 1 - len;
						long c = 0;
						for (int l : circle) {
							c += prefix[l][end + 1] - prefix[l][start];
						}
						long cd = dayPrefix[end + 1] - dayPrefix[start];
						if (c < o.minCases()) {
							continue;
						}
						best = Math.max(best, llr(c, (double) cz * cd / total, total));
					}
				}
			}
		}
		return best;
	}

	/**
	 * The circles around a centre: locations by distance, those at the same distance all
	 * in or all out, within the options' limits.
	 */
	static List<List<Integer>> circles(SpaceTimeCases data, ScanOptions o, int centre, long[] perLocation, long total) {
		int n = data.locationCount();
		double[] distance = new double[n];
		for (int l = 0; l < n; l++) {
			distance[l] = Math.hypot(data.x(l) - data.x(centre), data.y(l) - data.y(centre));
		}
		double[] radii = Arrays.stream(distance).distinct().sorted().toArray();
		List<List<Integer>> circles = new ArrayList<>();
		for (double radius : radii) {
			List<Integer> inside = new ArrayList<>();
			long cases = 0;
			for (int l = 0; l < n; l++) {
				if (distance[l] <= radius) {
					inside.add(l);
					cases += perLocation[l];
				}
			}
			if (inside.size() > o.maxShareOfLocations() * n || cases > o.maxShareOfCases() * total
					|| radius > o.maxRadius()) {
				break;
			}
			circles.add(inside);
		}
		return circles;
	}

	/** The textbook LLR of c cases where mu were expected, C in all (0 unless c > mu). */
	static double llr(double c, double mu, double total) {
		if (c <= mu) {
			return 0;
		}
		double outside = c == total ? 0 : (total - c) * Math.log((total - c) / (total - mu));
		return c * Math.log(c / mu) + outside;
	}

	/**
	 * The largest LLR of every table the cases' days can be permuted into (locations' and
	 * days' totals kept). Small data only: it tries every order of the cases' days.
	 */
	static Set<Double> maximaOfEveryPermutation(SpaceTimeCases data, ScanOptions o) {
		List<Integer> locationOfCase = new ArrayList<>();
		List<Integer> dayOfCase = new ArrayList<>();
		for (int l = 0; l < data.locationCount(); l++) {
			for (int d = 0; d < data.days(); d++) {
				for (int k = 0; k < data.count(l, d); k++) {
					locationOfCase.add(l);
					dayOfCase.add(d);
				}
			}
		}
		Set<String> seen = new HashSet<>();
		Set<Double> maxima = new HashSet<>();
		int[] days = dayOfCase.stream().mapToInt(Integer::intValue).sorted().toArray();
		do {
			int[][] table = new int[data.locationCount()][data.days()];
			for (int i = 0; i < days.length; i++) {
				table[locationOfCase.get(i)][days[i]]++;
			}
			if (seen.add(Arrays.deepToString(table))) {
				maxima.add(maximum(data, o, table));
			}
		}
		while (nextPermutation(days));
		return maxima;
	}

	/**
	 * The next permutation in lexicographic order (repeated values give each order once).
	 */
	private static boolean nextPermutation(int[] a) {
		int i = a.length - 2;
		while (i >= 0 && a[i] >= a[i + 1]) {
			i--;
		}
		if (i < 0) {
			return false;
		}
		int j = a.length - 1;
		while (a[j] <= a[i]) {
			j--;
		}
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
		for (int lo = i + 1, hi = a.length - 1; lo < hi; lo++, hi--) {
			t = a[lo];
			a[lo] = a[hi];
			a[hi] = t;
		}
		return true;
	}

}
