package org.harmwatch.geography.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.harmwatch.geography.internal.AreaIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long a point → areas lookup takes on the bundled West Midlands boundaries: four
 * point-in-polygon searches (local authority, ward, MSOA, LSOA), as
 * {@code GeographyManagement.lookup} does.
 *
 * <p>
 * Run with {@code bench/jmh.sh AreaLookupBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AreaLookupBenchmark {

	static final String FOLDER = "geography/west-midlands/";

	AreaIndex[] levels;

	double[][] boxPoints;

	double[][] insidePoints;

	int next;

	@Setup
	public void setUp() throws IOException, ParseException {
		var files = new String[] { "wm_lad.geojson", "wm_wards_2013.geojson", "wm_msoa_2011.geojson",
				"wm_lsoa_2011.geojson" };
		levels = new AreaIndex[files.length];
		Geometry lsoas = null;
		for (int i = 0; i < files.length; i++) {
			var collection = read(files[i]);
			var areas = new HashMap<String, Geometry>();
			for (int n = 0; n < collection.getNumGeometries(); n++) {
				areas.put(String.format("A%05d", n), collection.getGeometryN(n));
			}
			levels[i] = new AreaIndex(Map.copyOf(areas), i == 0 ? 0 : 50);
			lsoas = collection;
		}
		var random = new Random(42);
		Envelope box = lsoas.getEnvelopeInternal();
		boxPoints = new double[4096][];
		for (int i = 0; i < boxPoints.length; i++) {
			boxPoints[i] = new double[] { box.getMinX() + random.nextDouble() * box.getWidth(),
					box.getMinY() + random.nextDouble() * box.getHeight() };
		}
		insidePoints = new double[lsoas.getNumGeometries()][];
		for (int i = 0; i < insidePoints.length; i++) {
			var inside = lsoas.getGeometryN(i).getInteriorPoint();
			insidePoints[i] = new double[] { inside.getX(), inside.getY() };
		}
	}

	static Geometry read(String file) throws IOException, ParseException {
		try (InputStream in = AreaLookupBenchmark.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
			return new GeoJsonReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * A point anywhere in the region's bounding box: about half fall outside every local
	 * authority.
	 */
	@Benchmark
	public void pointInBoundingBox(Blackhole sink) {
		lookup(boxPoints[next++ & (boxPoints.length - 1)], sink);
	}

	/**
	 * A point inside the region (an LSOA's interior point): all four levels are searched.
	 */
	@Benchmark
	public void pointInsideRegion(Blackhole sink) {
		lookup(insidePoints[Math.floorMod(next++, insidePoints.length)], sink);
	}

	private void lookup(double[] point, Blackhole sink) {
		var lad = levels[0].locate(point[0], point[1]);
		sink.consume(lad);
		if (lad.isPresent()) {
			for (int i = 1; i < levels.length; i++) {
				sink.consume(levels[i].locate(point[0], point[1]));
			}
		}
	}

}
