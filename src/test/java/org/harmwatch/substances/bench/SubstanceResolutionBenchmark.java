package org.harmwatch.substances.bench;

import java.util.concurrent.TimeUnit;

import org.harmwatch.substances.internal.SeedVocabulary;
import org.harmwatch.substances.internal.SubstanceIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long resolving one free text and a type-ahead take on the seed vocabulary:
 * {@code bench/jmh.sh SubstanceResolutionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubstanceResolutionBenchmark {

	/**
	 * An exact name, a street name, a salt form, a misspelling, and a miss (the slowest:
	 * every term is compared).
	 */
	@Param({ "Fentanyl", "china white", "cocaine hydrochloride", "heroine", "unknown white powder" })
	public String text;

	SubstanceIndex index;

	@Setup
	public void load() {
		index = SeedVocabulary.index();
	}

	@Benchmark
	public Object resolve() {
		return index.resolve(text, true);
	}

	@Benchmark
	public Object suggest() {
		return index.suggest(text.substring(0, 3), 10);
	}

}
