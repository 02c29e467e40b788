package org.harmwatch.analytics.bench;

import java.util.concurrent.TimeUnit;

import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.scan.SpaceTimeCases;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The space-time permutation scan with the peers' SaTScan settings (50% of locations, 30
 * days, 999 replications) on the generated data sets, retrospective and prospective, both
 * cores. One scan per measurement (single shot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ScanBenchmark {

	@Param({ "st_200x365" })
	public String data;

	@Param({ "retrospective", "prospective" })
	public String analysis;

	@Param({ "999" })
	public int replications;

	SpaceTimeCases cases;

	ScanOptions options;

	@Setup(Level.Trial)
	public void load() {
		this.cases = BenchData.spaceTime(this.data);
		this.options = ScanOptions.retrospective()
			.withProspective(this.analysis.equals("prospective"))
			.withReplications(this.replications);
	}

	@Benchmark
	public SpaceTimePermutationScan.Result scan() {
		return SpaceTimePermutationScan.scan(this.cases, this.options);
	}

}
