package org.harmwatch.analytics.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.harmwatch.analytics.density.DensityGrid;
import org.harmwatch.analytics.density.GridSpec;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.density.KernelDensity;
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
 * Kernel density on [0, 10000]^2 with h = 300 (the peers' bandwidth):
 * {@code points:cells} is 100,000 points on 200 x 200 or 1,000,000 points on 512 x 512.
 *
 * <p>
 * {@code bench/jmh.sh KernelDensityBenchmark}. With {@code -p file=points.csv} it reads a
 * {@code gen_data.py points} file instead of drawing points like it does (70% uniform,
 * 30% in 5 Gaussian clusters of sd 300).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class KernelDensityBenchmark {

	@Param({ "100000:200", "1000000:512" })
	String size;

	@Param({ "QUARTIC" })
	Kernel kernel;

	@Param("")
	String file;

	double[] x;

	double[] y;

	GridSpec grid;

	KernelDensity kde;

	@Setup
	public void setUp() throws IOException {
		int points = Integer.parseInt(size.substring(0, size.indexOf(':')));
		int cells = Integer.parseInt(size.substring(size.indexOf(':') + 1));
		grid = GridSpec.ofExtent(0, 10_000, 0, 10_000, cells, cells);
		kde = KernelDensity.of(kernel, 300);
		if (!file.isEmpty()) {
			double[][] data = SpatialBench.readColumns(Path.of(file), "x", "y");
			x = data[0];
			y = data[1];
			return;
		}
		SplittableRandom random = new SplittableRandom(20240101);
		double[][] centres = new double[5][2];
		for (double[] centre : centres) {
			centre[0] = 1500 + random.nextDouble(7000);
			centre[1] = 1500 + random.nextDouble(7000);
		}
		x = new double[points];
		y = new double[points];
		for (int i = 0; i < points; i++) {
			if (random.nextDouble() < 0.3) {
				double[] centre = centres[random.nextInt(5)];
				x[i] = centre[0] + 300 * gaussian(random);
				y[i] = centre[1] + 300 * gaussian(random);
			}
			else {
				x[i] = random.nextDouble(10_000);
				y[i] = random.nextDouble(10_000);
			}
		}
	}

	private static double gaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	@Benchmark
	public DensityGrid estimate() {
		return kde.estimate(x, y, grid);
	}

}
