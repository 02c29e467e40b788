package org.harmwatch.analytics.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.harmwatch.analytics.scan.SpaceTimePermutationScan.Found;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan.Tables;

/**
 * The candidate clusters of the observed data: for each centre every window's best circle
 * with its exact LLR, and from those the centre's best cylinder and, as SaTScan 10.2
 * reports secondary clusters, the further ones before and after it in time. Run once per
 * scan, after the replications, so that it can leave out windows below the smallest
 * replicate maximum.
 */
final class ScanCandidates {

	private final ScanKernel kernel;

	ScanCandidates(ScanKernel kernel) {
		this.kernel = kernel;
	}

	/**
	 * The candidate clusters of every centre on the observed counts (centres in order).
	 * With {@code severalPerCentre} (SaTScan 10.2 and later, retrospective): the centre's
	 * best cylinder, then recursively the best cylinder wholly before and wholly after it
	 * in time (at least a day apart) whose LLR exceeds 1 and {@code floor}, where each
	 * window's cylinder is the best among the centre's circles; otherwise only the
	 * centre's best cylinder. Leaving out the windows at or below a floor leaves the
	 * candidates above it as they are: each window the recursion stops at would only have
	 * split a range whose windows are all lower still.
	 */
	List<Found> find(int[] counts, boolean severalPerCentre, double floor) {
		Tables t = new Tables(kernel);
		kernel.tables(counts, t);
		@SuppressWarnings("unchecked")
		List<Found>[] per = new List[kernel.locations];
		IntStream.range(0, kernel.locations)
			.parallel()
			.forEach(c -> per[c] = centreCandidates(c, counts, t, severalPerCentre, Math.max(MIN_SECONDARY_LLR, floor),
					floor));
		List<Found> out = new ArrayList<>();
		for (List<Found> list : per) {
			out.addAll(list);
		}
		return out;
	}

	/** SaTScan keeps further clusters of a centre only above this LLR. */
	static final double MIN_SECONDARY_LLR = 1.0;

	/**
	 * The candidates of one centre. Blocks of windows whose LLR cannot exceed
	 * {@code prune} are skipped by the same per-block bounds as in the replications
	 * ({@link ScanKernel}): with {@code prune} the smallest replicate maximum, a
	 * candidate at or below it has p = 1, so it is neither reported nor able to stop a
	 * more likely one from being reported, and leaving it out changes nothing reported.
	 */
	private List<Found> centreCandidates(int centre, int[] counts, Tables t, boolean several, double floor,
			double prune) {
		int[] ord = kernel.order[centre];
		int[] sizes = kernel.circleSizes[centre];
		if (sizes.length == 0) {
			return List.of();
		}
		int w = kernel.days + 1;
		double total = kernel.totalD;
		double[] q = kernel.dayPrefix;
		double[] x = new double[w];
		double[] bound = new double[kernel.stride];
		// per window (len * days + end): the best LLR among the centre's circles and
		// which circle
		double[] best = new double[(kernel.maxDays + 1) * kernel.days];
		int[] circle = new int[best.length];
		double centreBest = 0;
		int bestCell = -1;
		long cz = 0;
		int added = 0;
		for (int g = 0; g < sizes.length; g++) {
			while (added < sizes[g]) {
				int l = ord[added++];
				int xb = l * w;
				for (int j = kernel.xLo; j <= kernel.days; j++) {
					x[j] += t.x[xb + j];
				}
				int mb = l * kernel.stride;
				for (int i = 0; i < kernel.stride; i++) {
					bound[i] += t.blockMax[mb + i];
				}
				cz += kernel.locationTotals[l];
			}
			if (cz < kernel.minCases) {
				continue;
			}
			for (int len = 1; len <= kernel.maxDays; len++) {
				int row = len * kernel.days;
				int blockRow = len * kernel.blocks;
				double limit = kernel.limit(len, cz, prune);
				for (int b = (kernel.firstEnd(len) - kernel.endBase) / ScanKernel.BLOCK; b < kernel.blocks; b++) {
					double v = bound[blockRow + b];
					if (!(v > 0 && v * v > limit)) {
						continue;
					}
					double m = kernel.blockMax(x, 0, len, b);
					bound[blockRow + b] = m;
					if (!(m > 0 && m * m > limit)) {
						continue;
					}
					int from = Math.max(kernel.firstEnd(len), kernel.endBase + b * ScanKernel.BLOCK);
					int to = Math.min(kernel.days, kernel.endBase + (b + 1) * ScanKernel.BLOCK);
					for (int e = from; e < to; e++) {
						double delta = x[e + 1] - x[e + 1 - len];
						if (!(delta > 0)) {
							continue;
						}
						double cd = q[e + 1] - q[e + 1 - len];
						double mu = cz * cd / total;
						// the bound of ScanKernel.spread: no logarithm unless it could
						// matter
						double beat = several ? Math.min(Math.max(best[row + e], floor), centreBest) : centreBest;
						if (delta * delta * (total + mu) <= beat * 2 * total * total * mu * (total - mu) * (1 - 1e-9)) {
							continue;
						}
						double c = (delta + cz * cd) / total;
						if (c < kernel.minCases) {
							continue;
						}
						double llr = SpaceTimePermutationScan.llr(c, mu, total);
						if (llr > best[row + e]) {
							best[row + e] = llr;
							circle[row + e] = g;
						}
						if (llr > centreBest) {
							centreBest = llr;
							bestCell = row + e;
						}
					}
				}
			}
		}
		if (bestCell < 0) {
			return List.of();
		}
		List<Found> out = new ArrayList<>();
		out.add(found(centre, counts, bestCell, best, circle));
		if (several && !kernel.prospective) {
			int s = out.get(0).start;
			int e = out.get(0).end;
			bestInRange(centre, counts, 0, s - 2, floor, best, circle, out);
			bestInRange(centre, counts, e + 2, kernel.days - 1, floor, best, circle, out);
		}
		return out;
	}

	/**
	 * Adds the best window wholly inside days from .. to (LLR above the floor), then
	 * recursively those before and after it.
	 */
	private void bestInRange(int centre, int[] counts, int from, int to, double floor, double[] best, int[] circle,
			List<Found> out) {
		if (to < from) {
			return;
		}
		double top = floor;
		int cell = -1;
		// latest end first, then the shortest window, as SaTScan searches; ties keep the
		// first found
		for (int e = to; e >= from; e--) {
			int longest = Math.min(kernel.maxDays, e - from + 1);
			for (int len = 1; len <= longest; len++) {
				double v = best[len * kernel.days + e];
				if (v > top) {
					top = v;
					cell = len * kernel.days + e;
				}
			}
		}
		if (cell < 0) {
			return;
		}
		Found f = found(centre, counts, cell, best, circle);
		out.add(f);
		bestInRange(centre, counts, from, f.start - 2, floor, best, circle, out);
		bestInRange(centre, counts, f.end + 2, to, floor, best, circle, out);
	}

	private Found found(int centre, int[] counts, int cell, double[] best, int[] circle) {
		int len = cell / kernel.days;
		int e = cell % kernel.days;
		int g = circle[cell];
		Found f = new Found();
		f.centre = centre;
		f.size = kernel.circleSizes[centre][g];
		f.radius = kernel.circleRadii[centre][g];
		f.start = e + 1 - len;
		f.end = e;
		f.llr = best[cell];
		long c = 0;
		long cz = 0;
		for (int k = 0; k < f.size; k++) {
			int l = kernel.order[centre][k];
			cz += kernel.locationTotals[l];
			for (int d = f.start; d <= e; d++) {
				c += counts[l * kernel.days + d];
			}
		}
		f.observed = c;
		f.expected = cz * (kernel.dayPrefix[e + 1] - kernel.dayPrefix[f.start]) / kernel.totalD;
		return f;
	}

}
