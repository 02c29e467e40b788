package org.harmwatch.analytics.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.harmwatch.analytics.temporal.Cusum;
import org.harmwatch.analytics.temporal.Ears;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EARS C1, C2 and C3 (and the CUSUM) over 10,000 series of five years of daily counts:
 * the target is under one second for C1-C3. The series are the generated
 * daily_5y.csv rotated by a different number of days each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EarsBenchmark {

	static final int SERIES = 10_000;

	double[][] series;

	double[] one;

	final Ears.Options c1 = Ears.Options.surveillanceDefaults(Ears.Method.C1);

	final Ears.Options c2 = Ears.Options.surveillanceDefaults(Ears.Method.C2);

	final Ears.Options c3 = Ears.Options.surveillanceDefaults(Ears.Method.C3);

	@Setup(Level.Trial)
	public void load() {
		this.one = BenchData.daily("daily_5y.csv").counts();
		int n = this.one.length;
		this.series = new double[SERIES][n];
		for (int s = 0; s < SERIES; s++) {
			int shift = (s * 37) % n;
			for (int t = 0; t < n; t++) {
				this.series[s][t] = this.one[(t + shift) % n];
			}
		}
	}

	/**
	 * C1, C2 and C3 on all 10,000 series, both cores (parallel stream); returns the
	 * number of alarms.
	 */
	@Benchmark
	public long c1c2c3TenThousandSeries() {
		return IntStream.range(0, SERIES).parallel().mapToLong(this::allThree).sum();
	}

	/** The same on one core. */
	@Benchmark
	public long c1c2c3TenThousandSeriesOneThread() {
		long alarms = 0;
		for (int s = 0; s < SERIES; s++) {
			alarms += allThree(s);
		}
		return alarms;
	}

	/**
	 * C1, C2 and C3 on the single daily_5y series, to compare with R's earsC on the same
	 * file.
	 */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public long c1c2c3OneSeries() {
		Ears.Result[] r = Ears.detectAll(this.one, this.c1, this.c2, this.c3);
		return r[0].alarms() + r[1].alarms() + r[2].alarms();
	}

	/** The CUSUM on the single daily_5y series (R: algo.cusum). */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public long cusumOneSeries() {
		return Cusum.detect(this.one, Cusum.Options.surveillance(365)).alarms();
	}

	private long allThree(int s) {
		Ears.Result[] r = Ears.detectAll(this.series[s], this.c1, this.c2, this.c3);
		return r[0].alarms() + r[1].alarms() + r[2].alarms();
	}

}
