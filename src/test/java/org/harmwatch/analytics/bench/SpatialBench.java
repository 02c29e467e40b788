package org.harmwatch.analytics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.harmwatch.analytics.density.DensityGrid;
import org.harmwatch.analytics.density.GridSpec;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.density.KernelDensity;
import org.harmwatch.analytics.hotspot.GetisOrdGiStar;
import org.harmwatch.analytics.hotspot.GiStarResult;
import org.harmwatch.analytics.hotspot.SpatialWeights;

/**
 * Times our Gi* and kernel density on the same CSV files the peers read, the way the
 * peers time themselves: input parsing excluded, neighbour search included. Run by
 * {@code bench/spatial.sh}; never by the test suite.
 *
 * <pre>
 * SpatialBench gistar AREAS.csv K [PEER_OUTPUT.csv]
 * SpatialBench kde POINTS.csv KERNEL H XMIN XMAX YMIN YMAX NX NY [PEER_OUTPUT.csv]
 * </pre>
 *
 * Prints the first (cold) run, then the median and minimum of the timed runs after
 * warm-up, the bytes allocated per run, the process's peak resident memory, and (given a
 * peer's output) the largest difference from it. The last line is
 * {@code compute_seconds=MEDIAN}, like the peers'.
 */
public final class SpatialBench {

	private static final PrintStream out = System.out;

	private SpatialBench() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			out.println(
					"usage: SpatialBench gistar AREAS.csv K [PEER.csv] | kde POINTS.csv KERNEL H XMIN XMAX YMIN YMAX NX NY [PEER.csv]");
			System.exit(2);
		}
		int warmupSeconds = Integer.getInteger("bench.warmup", 10);
		int runs = Integer.getInteger("bench.runs", 7);
		if (args[0].equals("gistar")) {
			double[][] areas = readColumns(Path.of(args[1]), "x", "y", "value");
			int k = Integer.parseInt(args[2]);
			Supplier<GiStarResult> task = () -> GetisOrdGiStar.compute(areas[2],
					SpatialWeights.kNearest(areas[0], areas[1], k));
			GiStarResult result = time(String.format(Locale.ROOT, "gistar knn k=%d n=%d", k, areas[0].length), task,
					warmupSeconds, runs);
			if (args.length > 3) {
				double[] z = readColumns(Path.of(args[3]), "gi_star_z")[0];
				double worst = 0;
				for (int i = 0; i < z.length; i++) {
					worst = Math.max(worst, Math.abs(result.z(i) - z[i]));
				}
				out.printf(Locale.ROOT, "max_abs_z_difference_from_peer=%.3e%n", worst);
			}
		}
		else if (args[0].equals("kde")) {
			double[][] points = readColumns(Path.of(args[1]), "x", "y");
			Kernel kernel = Kernel.valueOf(args[2].toUpperCase(Locale.ROOT));
			double h = Double.parseDouble(args[3]);
			GridSpec grid = GridSpec.ofExtent(Double.parseDouble(args[4]), Double.parseDouble(args[5]),
					Double.parseDouble(args[6]), Double.parseDouble(args[7]), Integer.parseInt(args[8]),
					Integer.parseInt(args[9]));
			KernelDensity kde = KernelDensity.of(kernel, h);
			DensityGrid result = time(
					String.format(Locale.ROOT, "kde %s h=%s n=%d grid=%dx%d", kernel, args[3], points[0].length,
							grid.columns(), grid.rows()),
					() -> kde.estimate(points[0], points[1], grid), warmupSeconds, runs);
			if (args.length > 10) {
				double[] density = readColumns(Path.of(args[10]), "density")[0];
				double[] ours = result.densities();
				double worst = 0;
				double max = Arrays.stream(density).max().orElse(0);
				for (int i = 0; i < density.length; i++) {
					worst = Math.max(worst, Math.abs(ours[i] - density[i]));
				}
				out.printf(Locale.ROOT, "max_density_difference_from_peer_relative_to_max=%.3e%n", worst / max);
			}
		}
		else {
			throw new IllegalArgumentException("unknown case " + args[0]);
		}
	}

	static <T> T time(String label, Supplier<T> task, int warmupSeconds, int runs) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		T result = task.get();
		double cold = (System.nanoTime() - start) / 1e9;
		long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		int warmups = 0;
		while (System.nanoTime() < warmupEnd || warmups < 3) {
			result = task.get();
			warmups++;
		}
		double[] seconds = new double[runs];
		double[] cpu = new double[runs];
		long allocated = 0;
		for (int r = 0; r < runs; r++) {
			System.gc();
			long before = threads.getTotalThreadAllocatedBytes();
			long cpuBefore = totalCpuNanos(threads);
			long t0 = System.nanoTime();
			result = task.get();
			seconds[r] = (System.nanoTime() - t0) / 1e9;
			cpu[r] = (totalCpuNanos(threads) - cpuBefore) / 1e9;
			allocated += threads.getTotalThreadAllocatedBytes() - before;
		}
		Arrays.sort(seconds);
		Arrays.sort(cpu);
		out.printf(Locale.ROOT, "%s: threads=%d cold_run=%.3fs warmup_runs=%d median=%.4fs min=%.4fs max=%.4fs%n",
				label, Runtime.getRuntime().availableProcessors(), cold, warmups, seconds[runs / 2], seconds[0],
				seconds[runs - 1]);
		out.printf(Locale.ROOT, "cpu_seconds_all_threads median=%.4f min=%.4f%n", cpu[runs / 2], cpu[0]);
		out.printf(Locale.ROOT, "allocated_per_run_MB=%.1f peak_rss_MB=%s%n", allocated / (double) runs / 1e6,
				peakResidentMegabytes());
		out.printf(Locale.ROOT, "compute_seconds=%.4f%n", seconds[runs / 2]);
		return result;
	}

	/**
	 * CPU time of every live thread; the fork-join workers persist between runs, so
	 * differences are fair.
	 */
	private static long totalCpuNanos(com.sun.management.ThreadMXBean threads) {
		long total = 0;
		for (long id : threads.getAllThreadIds()) {
			long nanos = threads.getThreadCpuTime(id);
			if (nanos > 0) {
				total += nanos;
			}
		}
		return total;
	}

	private static String peakResidentMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					String[] parts = line.trim().split("\\s+");
					return String.format(Locale.ROOT, "%.0f", Long.parseLong(parts[1]) / 1024.0);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: leave it out
		}
		return "n/a";
	}

	/**
	 * Numeric columns of a CSV file with a header row (no quoting, as gen_data.py and the
	 * peers write).
	 */
	static double[][] readColumns(Path file, String... columns) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file)) {
			List<String> header = Arrays.asList(reader.readLine().split(","));
			int[] index = new int[columns.length];
			for (int c = 0; c < columns.length; c++) {
				index[c] = header.indexOf(columns[c]);
				if (index[c] < 0) {
					throw new IllegalArgumentException(file + " has no column " + columns[c]);
				}
			}
			List<double[]> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] cells = line.split(",");
				double[] row = new double[columns.length];
				for (int c = 0; c < columns.length; c++) {
					row[c] = Double.parseDouble(cells[index[c]]);
				}
				rows.add(row);
			}
			double[][] data = new double[columns.length][rows.size()];
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < columns.length; c++) {
					data[c][r] = rows.get(r)[c];
				}
			}
			return data;
		}
	}

}
