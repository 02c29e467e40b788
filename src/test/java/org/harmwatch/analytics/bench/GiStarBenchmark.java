package org.harmwatch.analytics.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.harmwatch.analytics.hotspot.GetisOrdGiStar;
import org.harmwatch.analytics.hotspot.GiStarResult;
import org.harmwatch.analytics.hotspot.SpatialWeights;
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
 * Gi* with k = 8 nearest neighbours, neighbour search included (the peers' "knn k=8"
 * case).
 *
 * <p>
 * {@code bench/jmh.sh GiStarBenchmark}. With {@code -p file=areas.csv} it reads a
 * {@code gen_data.py areas} file (then {@code areas} is ignored); otherwise it draws
 * {@code areas} points the way gen_data.py does: uniform in a square of side
 * {@code 100 sqrt(n)} with Poisson-like counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class GiStarBenchmark {

	@Param({ "100000", "1000000" })
	int areas;

	@Param("")
	String file;

	double[] x;

	double[] y;

	double[] values;

	@Setup
	public void setUp() throws IOException {
		if (!file.isEmpty()) {
			double[][] data = SpatialBench.readColumns(Path.of(file), "x", "y", "value");
			x = data[0];
			y = data[1];
			values = data[2];
			return;
		}
		SplittableRandom random = new SplittableRandom(20240101);
		double side = 100 * Math.sqrt(areas);
		x = new double[areas];
		y = new double[areas];
		values = new double[areas];
		for (int i = 0; i < areas; i++) {
			x[i] = Math.round(random.nextDouble(side) * 1000) / 1000.0;
			y[i] = Math.round(random.nextDouble(side) * 1000) / 1000.0;
			values[i] = random.nextInt(11);
		}
	}

	@Benchmark
	public GiStarResult kNearest8() {
		return GetisOrdGiStar.compute(values, SpatialWeights.kNearest(x, y, 8));
	}

}
