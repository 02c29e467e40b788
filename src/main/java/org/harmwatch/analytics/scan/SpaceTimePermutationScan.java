package org.harmwatch.analytics.scan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Kulldorff's space-time permutation scan statistic (Kulldorff et al. 2005), as SaTScan
 * computes it.
 *
 * <p>
 * Cylinders have a circular base centred on a location, holding the locations within a
 * radius (locations at the same distance are all in or all out), limited by
 * {@link ScanOptions}, and a height of 1 to {@code maxDays} days: every window in the
 * study period (retrospective) or every window ending on the last day (prospective). With
 * C cases in all, C_Z cases at the cylinder's locations over the whole period and C_D
 * cases anywhere on its days, the expected count is {@code mu = C_Z * C_D / C} and the
 * log-likelihood ratio of a cylinder with c > mu cases is
 * {@code c ln(c / mu) + (C - c) ln((C - c) / (C - mu))} (0 otherwise). The most likely
 * cluster maximises it. Secondary clusters follow SaTScan 10.2 and later by default: each
 * centre offers its best cylinder and, recursively, its best ones wholly before and after
 * that in time (LLR above 1), and a candidate is dropped only when it shares a location
 * with a more likely reported cluster <em>and</em> overlaps it in time;
 * {@link ScanOptions.SecondaryClusters#NO_GEOGRAPHICAL_OVERLAP} keeps the older rule (one
 * cylinder per centre, none sharing a location with an earlier one). Clusters with p = 1
 * are left out unless {@link ScanOptions#reportPValueOne()}. P-values compare each
 * cluster's LLR with the maximum LLR of {@code replications} data sets in which the days
 * of the cases are randomly permuted (locations' and days' totals kept):
 * {@code p = rank / (replications + 1)}, rank = 1 + replications with a maximum at least
 * as large.
 *
 * <p>
 * Speed: the maximum over windows uses the bound
 * {@code LLR <= (c - mu)^2 (C + mu) / (2 mu (C - mu))} (about half the chi-square
 * {@code (c - mu)^2 C / (mu (C - mu))} when mu is small against C; proof at
 * {@code ScanKernel.spread}), which in integer terms {@code Delta = C c - C_Z C_D} lets
 * most windows be skipped with one subtraction and comparison and no logarithm; the bound
 * holds for every window, so the maximum is exact (SpaceTimePermutationScanTests compares
 * it with brute force). Replications run in parallel on the fork-join pool the scan is
 * called from, each with its own random stream derived from the seed and its number;
 * prospective ones draw only the cases that land on the scanned days.
 */
public final class SpaceTimePermutationScan {

	/**
	 * One cluster.
	 *
	 * @param rank 1 for the most likely cluster, then 2, 3, ... for the secondary ones
	 * @param centre id of the centre location
	 * @param locations ids of the locations in the circle, nearest first
	 * @param radius distance from the centre to the farthest location in the circle
	 * @param start first day
	 * @param end last day
	 * @param observed cases in the cylinder
	 * @param expected expected cases under no space-time interaction
	 * @param logLikelihoodRatio the test statistic
	 * @param pValue Monte Carlo p-value (NaN without replications)
	 */
	public record Cluster(int rank, String centre, List<String> locations, double radius, LocalDate start,
			LocalDate end, long observed, double expected, double logLikelihoodRatio, double pValue) {

		/** Days the cluster lasts. */
		public int days() {
			return (int) (this.end.toEpochDay() - this.start.toEpochDay()) + 1;
		}

		/** Observed over expected, SaTScan's "relative risk" column for this model. */
		public double observedOverExpected() {
			return this.observed / this.expected;
		}

	}

	/**
	 * The scan's outcome.
	 *
	 * @param clusters most likely cluster first, then secondary clusters by LLR (empty
	 * when no cylinder has more cases than expected)
	 * @param totalCases C
	 * @param replicateMaxima the maximum LLR of each replication, sorted ascending
	 */
	public record Result(List<Cluster> clusters, long totalCases, double[] replicateMaxima) {

		/**
		 * The LLR a cluster must exceed for a p-value at most alpha (SaTScan's critical
		 * value): the replicate maximum of rank {@code floor(alpha (r + 1))} from the
		 * top; infinite when r is too small for alpha, NaN without replications.
		 */
		public double criticalValue(double alpha) {
			int r = this.replicateMaxima.length;
			if (r == 0) {
				return Double.NaN;
			}
			// smallest LLR whose rank / (r + 1) <= alpha: at most floor(alpha (r + 1)) -
			// 1 replications at or above it
			int allowed = (int) Math.floor(alpha * (r + 1)) - 1;
			if (allowed < 0) {
				return Double.POSITIVE_INFINITY;
			}
			return this.replicateMaxima[r - 1 - allowed];
		}

	}

	private SpaceTimePermutationScan() {
	}

	/** Runs the scan. */
	public static Result scan(SpaceTimeCases data, ScanOptions options) {
		ScanKernel kernel = new ScanKernel(data, options);
		if (kernel.total == 0) {
			return new Result(List.of(), 0, new double[options.replications()]);
		}
		boolean several = options.secondaryClusters() == ScanOptions.SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME;
		double[] maxima = new ScanReplications(kernel).maxima(options.replications(), options.seed());
		double[] sorted = maxima.clone();
		Arrays.sort(sorted);
		// a cylinder no more likely than every replication's maximum has p = 1: when
		// those are not reported, neither they nor anything below them need be found
		double floor = !options.reportPValueOne() && sorted.length > 0 ? sorted[0] : 0;
		List<Found> ordered = new ScanCandidates(kernel).find(data.countsView(), several, floor);
		// most likely first; equal LLRs: fewer locations first (as SaTScan), then centre
		// and start
		ordered.sort(Comparator.comparingDouble((Found f) -> -f.llr)
			.thenComparingInt(f -> f.size)
			.thenComparingInt(f -> f.centre)
			.thenComparingInt(f -> f.start));
		List<Cluster> clusters = new ArrayList<>();
		List<Found> retained = new ArrayList<>();
		List<BitSet> retainedLocations = new ArrayList<>();
		for (Found f : ordered) {
			if (clusters.size() >= options.maxClusters()) {
				break;
			}
			int[] members = Arrays.copyOf(kernel.order[f.centre], f.size);
			if (overlapsRetained(f, members, retained, retainedLocations, several)) {
				continue;
			}
			double p = Double.NaN;
			if (maxima.length > 0) {
				int rank = 1;
				for (double v : maxima) {
					rank += v >= f.llr ? 1 : 0;
				}
				p = rank / (double) (maxima.length + 1);
			}
			if (p == 1.0 && !options.reportPValueOne()) {
				// every cylinder after this one is no more likely: p = 1 for them too
				break;
			}
			BitSet locations = new BitSet(data.locationCount());
			for (int m : members) {
				locations.set(m);
			}
			retained.add(f);
			retainedLocations.add(locations);
			List<String> ids = new ArrayList<>(members.length);
			for (int m : members) {
				ids.add(data.locations().get(m));
			}
			clusters.add(new Cluster(clusters.size() + 1, data.locations().get(f.centre), List.copyOf(ids), f.radius,
					data.day(f.start), data.day(f.end), f.observed, f.expected, f.llr, p));
		}
		return new Result(List.copyOf(clusters), kernel.total, sorted);
	}

	/**
	 * Whether a candidate is dropped by a more likely reported cluster: it shares a
	 * location with one and (under SaTScan 10.2's rule) overlaps it in time, where
	 * clusters one day apart (one ends the day before the other starts) overlap, as
	 * SaTScan counts it.
	 */
	private static boolean overlapsRetained(Found f, int[] members, List<Found> retained,
			List<BitSet> retainedLocations, boolean timeMatters) {
		for (int i = 0; i < retained.size(); i++) {
			Found r = retained.get(i);
			if (timeMatters && (r.end + 1 < f.start || f.end + 1 < r.start)) {
				continue;
			}
			BitSet taken = retainedLocations.get(i);
			for (int m : members) {
				if (taken.get(m)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The maximum LLR over all cylinders of a count matrix (location-major), for tests
	 * against brute force.
	 */
	static double maximumLlr(SpaceTimeCases data, ScanOptions options, int[] counts) {
		ScanKernel kernel = new ScanKernel(data, options);
		return kernel.total == 0 ? 0 : kernel.maximum(counts, new Tables(kernel), new CircleScratch(kernel));
	}

	/**
	 * The log-likelihood ratio of a cylinder with c cases, mu expected, C in all (0
	 * unless c > mu).
	 */
	static double llr(double c, double mu, double total) {
		if (!(c > mu)) {
			return 0;
		}
		double inside = c * Math.log(c / mu);
		double outside = c < total ? (total - c) * Math.log((total - c) / (total - mu)) : 0;
		return inside + outside;
	}

	/** The best cylinder found for a centre. */
	static final class Found {

		int centre;

		int size;

		double radius;

		int start;

		int end;

		long observed;

		double expected;

		double llr;

	}

	/**
	 * Per data set (observed or permuted): each location's Delta prefix and its block
	 * maxima.
	 */
	static final class Tables {

		/**
		 * {@code x[l * (days + 1) + j] = C P_l[j] - C_l Q[j]}, P_l the location's case
		 * prefix.
		 */
		final double[] x;

		/**
		 * {@code blockMax[l * stride + len * blocks + b]}: the largest Delta of location
		 * l alone among windows of length len ending in block b (minus infinity if the
		 * block has no such window).
		 */
		final double[] blockMax;

		Tables(ScanKernel k) {
			this.x = new double[k.locations * (k.days + 1)];
			this.blockMax = new double[k.locations * k.stride];
		}

	}

	/** Per-thread working arrays for one circle at a time. */
	static final class CircleScratch {

		/** The circle's Delta prefix: the sum of its locations' prefixes. */
		final double[] x;

		/** Upper bounds on the circle's largest Delta per window length and block. */
		final double[] bound;

		/** Per window length: the square of the threshold for the current circle. */
		final double[] limits;

		CircleScratch(ScanKernel k) {
			this.x = new double[k.days + 1];
			this.bound = new double[k.stride];
			this.limits = new double[k.maxDays + 1];
		}

	}

}
