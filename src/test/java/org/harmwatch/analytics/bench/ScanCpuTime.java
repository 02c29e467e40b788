package org.harmwatch.analytics.bench;

import java.lang.management.ManagementFactory;

import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.scan.SpaceTimeCases;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan;

/**
 * Runs the scan a few times and prints wall-clock and process CPU seconds: on a machine
 * whose cores other work shares, CPU seconds divided by the cores is what the wall clock
 * would be on an idle one. Used by bench/temporal.sh and bench/scan.sh. Arguments: data
 * set name, replications, "retrospective" or "prospective", runs, and optionally "cases"
 * to limit circles to half the cases (SaTScan's default for this model) instead of half
 * the locations.
 */
public final class ScanCpuTime {

	private ScanCpuTime() {
	}

	public static void main(String[] args) {
		SpaceTimeCases cases = BenchData.spaceTime(args[0]);
		ScanOptions options = ScanOptions.retrospective()
			.withReplications(Integer.parseInt(args[1]))
			.withProspective(args[2].equals("prospective"));
		if (args.length > 4 && args[4].equals("cases")) {
			options = options.withMaxShareOfLocations(1.0).withMaxShareOfCases(0.5);
		}
		int runs = Integer.parseInt(args[3]);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		for (int run = 0; run <= runs; run++) {
			long cpu0 = os.getProcessCpuTime();
			long t0 = System.nanoTime();
			SpaceTimePermutationScan.Result result = SpaceTimePermutationScan.scan(cases, options);
			double wall = (System.nanoTime() - t0) / 1e9;
			double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
			SpaceTimePermutationScan.Cluster top = result.clusters().get(0);
			// run 0 warms the JIT up
			System.out.printf(
					"%s %s %s run %d: wall %.2f s, cpu %.2f s (cpu / %d cores = %.2f s); top %s %s..%s LLR %.3f p %.3f; %d clusters%n",
					args[0], args[2], args[1], run, wall, cpu, Runtime.getRuntime().availableProcessors(),
					cpu / Runtime.getRuntime().availableProcessors(), top.centre(), top.start(), top.end(),
					top.logLikelihoodRatio(), top.pValue(), result.clusters().size());
		}
	}

}
