package org.harmwatch.analytics.scan;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

import org.harmwatch.analytics.scan.SpaceTimePermutationScan.CircleScratch;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan.Tables;

/**
 * The Monte Carlo replications of a scan: random data sets with every location's and
 * every day's total kept, each scanned by the {@link ScanKernel} for its largest LLR,
 * spread over the pool the scan is called from. A replication's random stream depends
 * only on the seed and its number, so the maxima do not depend on how the work is split.
 */
final class ScanReplications {

	private final ScanKernel kernel;

	ScanReplications(ScanKernel kernel) {
		this.kernel = kernel;
	}

	/** Maximum LLR of each replication. */
	double[] maxima(int replications, long seed) {
		double[] maxima = new double[replications];
		if (replications == 0) {
			return maxima;
		}
		// the pool this runs in (the analytics executor's, or the common one): the
		// number of chunks changes nothing but the speed
		int parallelism = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool().getParallelism()
				: ForkJoinPool.getCommonPoolParallelism();
		int chunks = Math.min(replications, 4 * parallelism + 4);
		if (kernel.prospective) {
			prospectiveMaxima(maxima, seed, chunks);
			return maxima;
		}
		int[] dayOfCase = new int[(int) kernel.total];
		int k = 0;
		for (int d = 0; d < kernel.days; d++) {
			for (long j = 0; j < kernel.dayTotals[d]; j++) {
				dayOfCase[k++] = d;
			}
		}
		IntStream.range(0, chunks).parallel().forEach(chunk -> {
			int[] days = new int[dayOfCase.length];
			int[] counts = new int[kernel.locations * kernel.days];
			Tables t = new Tables(kernel);
			CircleScratch s = new CircleScratch(kernel);
			for (int r = chunk; r < replications; r += chunks) {
				permute(dayOfCase, replicationSeed(seed, r), days, counts);
				maxima[r] = kernel.maximum(counts, t, s);
			}
		});
		return maxima;
	}

	/**
	 * Prospective replications: only the last maxDays days are ever scanned, so only
	 * which cases land on them matters. Permuting the days of all cases puts the K cases
	 * of those days on a uniformly random ordered sample of K of the C cases, so a
	 * partial shuffle of K steps (not C) gives the same distribution; the prefix arrays
	 * are then needed only from {@link #xLo} on, from each location's cases on those
	 * days.
	 */
	private void prospectiveMaxima(double[] maxima, long seed, int chunks) {
		int recent = (int) Math.round(kernel.totalD - kernel.dayPrefix[kernel.xLo]);
		int[] recentDay = new int[recent];
		int k = 0;
		for (int d = kernel.xLo; d < kernel.days; d++) {
			for (long j = 0; j < kernel.dayTotals[d]; j++) {
				recentDay[k++] = d - kernel.xLo;
			}
		}
		int[] locationOfCase = new int[(int) kernel.total];
		k = 0;
		for (int l = 0; l < kernel.locations; l++) {
			for (long j = 0; j < kernel.locationTotals[l]; j++) {
				locationOfCase[k++] = l;
			}
		}
		int span = kernel.days - kernel.xLo;
		IntStream.range(0, chunks).parallel().forEach(chunk -> {
			int[] cases = new int[locationOfCase.length];
			int[] counts = new int[kernel.locations * span];
			Tables t = new Tables(kernel);
			CircleScratch s = new CircleScratch(kernel);
			for (int r = chunk; r < maxima.length; r += chunks) {
				System.arraycopy(locationOfCase, 0, cases, 0, cases.length);
				SplittableRandom random = new SplittableRandom(replicationSeed(seed, r));
				Arrays.fill(counts, 0);
				for (int i = 0; i < recent; i++) {
					int j = i + random.nextInt(cases.length - i);
					int picked = cases[j];
					cases[j] = cases[i];
					cases[i] = picked;
					counts[picked * span + recentDay[i]]++;
				}
				kernel.recentTables(counts, span, t);
				maxima[r] = kernel.maximum(t, s);
			}
		});
	}

	private static long replicationSeed(long seed, int replication) {
		return seed * 0x9E3779B97F4A7C15L + replication * 0xBF58476D1CE4E5B9L + 1;
	}

	/** Random days for the cases: locations keep their totals, days keep theirs. */
	private void permute(int[] dayOfCase, long seed, int[] days, int[] counts) {
		System.arraycopy(dayOfCase, 0, days, 0, days.length);
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = days.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = days[i];
			days[i] = days[j];
			days[j] = t;
		}
		Arrays.fill(counts, 0);
		int pos = 0;
		for (int l = 0; l < kernel.locations; l++) {
			int base = l * kernel.days;
			for (long j = 0; j < kernel.locationTotals[l]; j++) {
				counts[base + days[pos++]]++;
			}
		}
	}

}
