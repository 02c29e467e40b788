package org.harmwatch.analytics.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.harmwatch.analytics.scan.SpaceTimePermutationScan.CircleScratch;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan.Tables;

/**
 * Everything that does not change between the observed data and the replications (the
 * circles of every centre, the day totals, the per-location prefix tables' shape), and
 * the search for one data set's largest LLR that each replication runs
 * ({@link ScanReplications} drives them; {@link ScanCandidates} searches the observed
 * data).
 *
 * <p>
 * Delta of a window for a set of locations is the sum of the locations' Deltas, so a
 * circle's prefix array is the sum of its locations' (one vector addition per location
 * added), and its largest Delta per window length and block of {@link #BLOCK} end days is
 * at most the previous circle's plus the newcomer's own: only blocks whose bound exceeds
 * the threshold are scanned exactly, and scanning resets the bound to the exact value.
 */
final class ScanKernel {

	static final int BLOCK = 64;

	final int locations;

	final int days;

	final long total;

	final double totalD;

	/**
	 * Per centre: locations by distance (ties by index), truncated after the largest
	 * allowed circle.
	 */
	final int[][] order;

	/** Per centre: sizes of the allowed circles, ascending. */
	final int[][] circleSizes;

	final double[][] circleRadii;

	/**
	 * Per centre and circle: the same set of locations as a circle of an earlier centre.
	 */
	final boolean[][] duplicate;

	/** Cases per location over the whole period (the same in every permutation). */
	final long[] locationTotals;

	final long[] dayTotals;

	/** Q[j] = cases on days 0 .. j-1, as doubles (exact). */
	final double[] dayPrefix;

	final int maxDays;

	final boolean prospective;

	final int minCases;

	/**
	 * First end day of any window scanned (the last day when prospective); blocks count
	 * from it.
	 */
	final int endBase;

	/** First prefix index any window reads: only x[xLo .. days] is ever needed. */
	final int xLo;

	final int blocks;

	/** Length of one location's block-maximum table: (maxDays + 1) * blocks. */
	final int stride;

	/**
	 * For each window length, the smallest and largest C_D among the windows scanned.
	 */
	final double[] minDayCases;

	final double[] maxDayCases;

	/** The same divided by C. */
	final double[] minDayShare;

	final double[] maxDayShare;

	/** The largest of {@link #maxDayShare}. */
	final double maxShare;

	ScanKernel(SpaceTimeCases data, ScanOptions o) {
		this.locations = data.locationCount();
		this.days = data.days();
		int[] counts = data.countsView();
		this.locationTotals = new long[this.locations];
		this.dayTotals = new long[this.days];
		long t = 0;
		for (int l = 0; l < this.locations; l++) {
			for (int d = 0; d < this.days; d++) {
				int c = counts[l * this.days + d];
				this.locationTotals[l] += c;
				this.dayTotals[d] += c;
				t += c;
			}
		}
		this.total = t;
		this.totalD = t;
		if (t > (1L << 26)) {
			throw new IllegalArgumentException("more than 2^26 cases: exact double arithmetic is not guaranteed");
		}
		this.dayPrefix = new double[this.days + 1];
		for (int d = 0; d < this.days; d++) {
			this.dayPrefix[d + 1] = this.dayPrefix[d] + this.dayTotals[d];
		}
		this.maxDays = Math.min(o.maxDays(), this.days);
		this.prospective = o.prospective();
		this.minCases = o.minCases();
		this.endBase = this.prospective ? this.days - 1 : 0;
		this.xLo = this.prospective ? this.days - this.maxDays : 0;
		this.blocks = (this.days - this.endBase + BLOCK - 1) / BLOCK;
		this.stride = (this.maxDays + 1) * this.blocks;
		this.minDayCases = new double[this.maxDays + 1];
		this.maxDayCases = new double[this.maxDays + 1];
		for (int len = 1; len <= this.maxDays; len++) {
			double lo = Double.POSITIVE_INFINITY;
			double hi = Double.NEGATIVE_INFINITY;
			for (int e = firstEnd(len); e < this.days; e++) {
				double cd = this.dayPrefix[e + 1] - this.dayPrefix[e + 1 - len];
				lo = Math.min(lo, cd);
				hi = Math.max(hi, cd);
			}
			this.minDayCases[len] = lo;
			this.maxDayCases[len] = hi;
		}
		this.minDayShare = new double[this.maxDays + 1];
		this.maxDayShare = new double[this.maxDays + 1];
		double most = 0;
		for (int len = 1; len <= this.maxDays; len++) {
			this.minDayShare[len] = this.minDayCases[len] / this.totalD;
			this.maxDayShare[len] = this.maxDayCases[len] / this.totalD;
			most = Math.max(most, this.maxDayShare[len]);
		}
		this.maxShare = most;
		this.order = new int[this.locations][];
		this.circleSizes = new int[this.locations][];
		this.circleRadii = new double[this.locations][];
		circles(data, o);
		this.duplicate = duplicates();
	}

	int firstEnd(int len) {
		return this.prospective ? this.days - 1 : len - 1;
	}

	private void circles(SpaceTimeCases data, ScanOptions o) {
		int n = this.locations;
		double maxSize = o.maxShareOfLocations() * n;
		double maxCases = o.maxShareOfCases() * this.totalD;
		Integer[] idx = new Integer[n];
		double[] dist = new double[n];
		for (int c = 0; c < n; c++) {
			for (int l = 0; l < n; l++) {
				idx[l] = l;
				dist[l] = Math.hypot(data.x(l) - data.x(c), data.y(l) - data.y(c));
			}
			Arrays.sort(idx, Comparator.comparingDouble((Integer l) -> dist[l]).thenComparingInt(l -> l));
			List<Integer> sizes = new ArrayList<>();
			List<Double> radii = new ArrayList<>();
			long cases = 0;
			int i = 0;
			while (i < n) {
				double r = dist[idx[i]];
				int j = i;
				while (j < n && dist[idx[j]] == r) {
					cases += this.locationTotals[idx[j]];
					j++;
				}
				if (j > maxSize || cases > maxCases || r > o.maxRadius()) {
					break;
				}
				sizes.add(j);
				radii.add(r);
				i = j;
			}
			int keep = sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1);
			this.order[c] = new int[keep];
			for (int k = 0; k < keep; k++) {
				this.order[c][k] = idx[k];
			}
			this.circleSizes[c] = sizes.stream().mapToInt(Integer::intValue).toArray();
			this.circleRadii[c] = radii.stream().mapToDouble(Double::doubleValue).toArray();
		}
	}

	/**
	 * Marks circles whose location set an earlier centre already has (they cannot change
	 * a maximum).
	 */
	private boolean[][] duplicates() {
		SplittableRandom random = new SplittableRandom(42);
		long[] keys = new long[this.locations];
		for (int l = 0; l < this.locations; l++) {
			keys[l] = random.nextLong();
		}
		Map<Long, List<int[]>> seen = new HashMap<>();
		boolean[][] dup = new boolean[this.locations][];
		for (int c = 0; c < this.locations; c++) {
			int[] sizes = this.circleSizes[c];
			dup[c] = new boolean[sizes.length];
			long hash = 0;
			int added = 0;
			for (int g = 0; g < sizes.length; g++) {
				while (added < sizes[g]) {
					hash += keys[this.order[c][added++]];
				}
				int[] members = Arrays.copyOf(this.order[c], sizes[g]);
				Arrays.sort(members);
				List<int[]> same = seen.computeIfAbsent(hash * 31 + sizes[g], h -> new ArrayList<>());
				boolean found = false;
				for (int[] other : same) {
					found |= Arrays.equals(other, members);
				}
				if (found) {
					dup[c][g] = true;
				}
				else {
					same.add(members);
				}
			}
		}
		return dup;
	}

	/** Fills the per-location tables for one data set. */
	void tables(int[] counts, Tables t) {
		int w = this.days + 1;
		for (int l = 0; l < this.locations; l++) {
			int base = l * this.days;
			int xb = l * w;
			double cl = this.locationTotals[l];
			long prefix = 0;
			t.x[xb] = 0;
			for (int d = 0; d < this.days; d++) {
				prefix += counts[base + d];
				t.x[xb + d + 1] = this.totalD * prefix - cl * this.dayPrefix[d + 1];
			}
			int mb = l * this.stride;
			for (int len = 1; len <= this.maxDays; len++) {
				for (int b = 0; b < this.blocks; b++) {
					t.blockMax[mb + len * this.blocks + b] = blockMax(t.x, xb, len, b);
				}
			}
		}
	}

	/**
	 * The largest Delta among windows of length len ending in block b, from a prefix
	 * array at offset xb.
	 */
	double blockMax(double[] x, int xb, int len, int b) {
		int from = Math.max(firstEnd(len), this.endBase + b * BLOCK);
		int to = Math.min(this.days, this.endBase + (b + 1) * BLOCK);
		double m = Double.NEGATIVE_INFINITY;
		for (int e = from; e < to; e++) {
			m = Math.max(m, x[xb + e + 1] - x[xb + e + 1 - len]);
		}
		return m;
	}

	/**
	 * The prefix arrays from {@link #xLo} on, from the cases on the last days only:
	 * {@code C P_l[j] - C_l Q[j] = C_l (C - Q[j]) - C S_l[j]}, S_l[j] the location's
	 * cases on days j and after (the same exact integers as {@link #tables}). No block
	 * maxima: a prospective circle has one window per length, whose exact Delta is its
	 * bound ({@link #scanCentre}).
	 */
	void recentTables(int[] recentCounts, int span, Tables t) {
		int w = this.days + 1;
		for (int l = 0; l < this.locations; l++) {
			int xb = l * w;
			double cl = this.locationTotals[l];
			long suffix = 0;
			t.x[xb + this.days] = 0;
			for (int j = this.days - 1; j >= this.xLo; j--) {
				suffix += recentCounts[l * span + j - this.xLo];
				t.x[xb + j] = cl * (this.totalD - this.dayPrefix[j]) - this.totalD * suffix;
			}
		}
	}

	/** The maximum LLR over all cylinders of one data set. */
	double maximum(int[] counts, Tables t, CircleScratch s) {
		tables(counts, t);
		return maximum(t, s);
	}

	/**
	 * The maximum LLR over all cylinders, from tables already filled ({@link #tables} or
	 * {@link #recentTables}).
	 */
	double maximum(Tables t, CircleScratch s) {
		double best = 0;
		for (int c = 0; c < this.locations; c++) {
			best = scanCentre(c, t, s, best);
		}
		return best;
	}

	/**
	 * Scans the circles of one centre (those no earlier centre has), returning the best
	 * LLR (at least {@code best}).
	 */
	private double scanCentre(int centre, Tables t, CircleScratch s, double best) {
		int[] ord = this.order[centre];
		int[] sizes = this.circleSizes[centre];
		if (sizes.length == 0) {
			return best;
		}
		double[] x = s.x;
		double[] bound = s.bound;
		Arrays.fill(x, this.xLo, this.days + 1, 0);
		Arrays.fill(bound, 0);
		int w = this.days + 1;
		long cz = 0;
		int added = 0;
		for (int g = 0; g < sizes.length; g++) {
			while (added < sizes[g]) {
				int l = ord[added++];
				int xb = l * w;
				for (int j = this.xLo; j <= this.days; j++) {
					x[j] += t.x[xb + j];
				}
				if (!this.prospective) {
					int mb = l * this.stride;
					for (int i = 0; i < this.stride; i++) {
						bound[i] += t.blockMax[mb + i];
					}
				}
				cz += this.locationTotals[l];
			}
			if (cz < this.minCases || this.duplicate[centre][g]) {
				continue;
			}
			if (this.prospective) {
				// one window per length, all ending on the last day: the circle's own
				// Deltas are exact, so they are the bounds
				for (int len = 1; len <= this.maxDays; len++) {
					bound[len] = x[this.days] - x[this.days - len];
				}
			}
			best = scanCircle(x, bound, s.limits, cz, best);
		}
		return best;
	}

	/**
	 * The windows of one circle whose bounds reach the threshold. The checks compare
	 * squares with {@link #limit}, so the common case (skip) costs no square root or
	 * division.
	 */
	private double scanCircle(double[] x, double[] bound, double[] limits, double cz, double best) {
		// all lengths' limits in one branch-free loop, with one division per circle and
		// none per length (see limit)
		double scale = limitScale(cz, best);
		for (int len = 1; len <= this.maxDays; len++) {
			limits[len] = scale * spreadFloor(len, cz);
		}
		if (this.blocks == 1) {
			// one window per length (prospective): whether any passes, without a branch
			// per length (most circles have none)
			double most = Double.NEGATIVE_INFINITY;
			for (int len = 1; len <= this.maxDays; len++) {
				double v = Math.max(bound[len], 0);
				most = Math.max(most, v * v - limits[len]);
			}
			if (!(most > 0)) {
				return best;
			}
		}
		for (int len = 1; len <= this.maxDays; len++) {
			double limit = limits[len];
			int row = len * this.blocks;
			for (int b = (firstEnd(len) - this.endBase) / BLOCK; b < this.blocks; b++) {
				double v = bound[row + b];
				if (!(v > 0 && v * v > limit)) {
					continue;
				}
				double m = blockMax(x, 0, len, b);
				bound[row + b] = m;
				if (!(m > 0 && m * m > limit)) {
					continue;
				}
				double improved = scanBlock(x, len, b, cz, best, Math.sqrt(limit));
				if (improved > best) {
					best = improved;
					for (int l = len; l <= this.maxDays; l++) {
						limits[l] = limit(l, cz, best);
					}
					limit = limits[len];
				}
			}
		}
		return best;
	}

	/**
	 * The exact LLR of the windows of one length and block whose Delta passes the
	 * threshold.
	 */
	private double scanBlock(double[] x, int len, int b, double cz, double best, double threshold) {
		double total = this.totalD;
		double[] q = this.dayPrefix;
		int from = Math.max(firstEnd(len), this.endBase + b * BLOCK);
		int to = Math.min(this.days, this.endBase + (b + 1) * BLOCK);
		for (int e = from; e < to; e++) {
			double delta = x[e + 1] - x[e + 1 - len];
			if (delta <= threshold) {
				continue;
			}
			double cd = q[e + 1] - q[e + 1 - len];
			// Delta = C c - C_Z C_D with every term an exact integer: c comes back
			// exactly
			double c = (delta + cz * cd) / total;
			if (c < this.minCases) {
				continue;
			}
			double mu = cz * cd / total;
			// the bound per window, still without a logarithm
			if (delta * delta * (total + mu) <= best * 2 * total * total * mu * (total - mu) * (1 - 1e-9)) {
				continue;
			}
			double llr = SpaceTimePermutationScan.llr(c, mu, total);
			if (llr > best) {
				best = llr;
				threshold = threshold(len, cz, best);
			}
		}
		return best;
	}

	/**
	 * The square of the Delta at or below which no window of this length can beat
	 * {@code best}: {@code best C min mu (C - mu)} over the windows' possible mu,
	 * slightly lowered against rounding.
	 */
	double limit(int len, double cz, double best) {
		// shares rather than a division here; the 1e-9 margin covers the extra
		// rounding. For mu in [muLo, muHi], spread(mu) = mu (C - mu) / (C + mu) is at
		// least min(muLo (C - muLo), muHi (C - muHi)) / (C + cz maxShare): mu (C - mu) is
		// concave, and C + mu is at most C + cz maxShare for every length, so the
		// division is one per circle, not two per length
		return Math.max(0, limitScale(cz, best) * spreadFloor(len, cz));
	}

	/**
	 * The factor of {@link #limit} that is the same for every window length of a circle,
	 * {@code 2 C^2 best / (C + cz maxShare)}, slightly lowered against rounding.
	 */
	private double limitScale(double cz, double best) {
		double total = this.totalD;
		return best * 2 * total * total * (1 - 1e-9) / (total + cz * this.maxShare);
	}

	/**
	 * The smallest {@code mu (C - mu)} over the expected counts of a circle's windows of
	 * one length (at an end of their range: it is concave).
	 */
	private double spreadFloor(int len, double cz) {
		double total = this.totalD;
		double muLo = cz * this.minDayShare[len];
		double muHi = cz * this.maxDayShare[len];
		return Math.min(muLo * (total - muLo), muHi * (total - muHi));
	}

	/**
	 * {@code mu (C - mu) / (C + mu)}: a window with Delta = C (c - mu) has
	 * {@code LLR <= Delta^2 / (2 C^2 spread(mu))}. With p = c / C and q = mu / C the LLR
	 * is C KL(p || q); for p >= q, {@code p ln(p / q) <= (p - q) + (p - q)^2 / (2 q)}
	 * (the difference is 0 at p = q and its derivative in p is
	 * {@code (p / q - 1) - ln(p / q) >= 0}) and
	 * {@code (1 - p) ln((1 - p) / (1 - q)) <= -(1 - p) (p - q) / (1 - q)} (ln x <= x -
	 * 1), which add up to {@code (p - q)^2 (1 + q) / (2 q (1 - q))}: about half the
	 * chi-square bound {@code (p - q)^2 / (q (1 - q))} when mu is small against C. It is
	 * concave in mu, so over a range of mu its minimum is at an end.
	 */
	static double spread(double mu, double total) {
		return mu * (total - mu) / (total + mu);
	}

	/** The threshold itself, {@code sqrt(limit)}. */
	private double threshold(int len, double cz, double best) {
		return Math.sqrt(limit(len, cz, best));
	}

}
