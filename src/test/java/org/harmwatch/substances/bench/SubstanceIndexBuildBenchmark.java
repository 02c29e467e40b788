package org.harmwatch.substances.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.internal.SeedVocabulary;
import org.harmwatch.substances.internal.SubstanceIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long an instance takes to rebuild its in-memory index once it has read the
 * vocabulary (what each change costs every instance, besides the query):
 * {@code bench/jmh.sh SubstanceIndexBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubstanceIndexBuildBenchmark {

	List<SubstanceDetails> substances;

	@Setup
	public void load() {
		substances = SeedVocabulary.substances();
	}

	@Benchmark
	public Object build() {
		return SubstanceIndex.of(1, substances);
	}

}
