package org.harmwatch.analytics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.harmwatch.analytics.scan.SpaceTimeCases;

/**
 * Inputs for the temporal and scan benchmarks: the files bench/temporal.sh generates
 * (directory in the system property {@code harmwatch.bench.data}) or, without it, the
 * golden fixtures on the test classpath.
 */
final class BenchData {

	private BenchData() {
	}

	/** A daily series file (date,count,...): its first date and counts. */
	record Daily(LocalDate firstDay, double[] counts) {
	}

	static Daily daily(String name) {
		List<String> lines = lines(name, "/analytics/golden/temporal/");
		double[] counts = new double[lines.size() - 1];
		for (int i = 1; i < lines.size(); i++) {
			counts[i - 1] = Double.parseDouble(lines.get(i).split(",")[1]);
		}
		return new Daily(LocalDate.parse(lines.get(1).split(",")[0]), counts);
	}

	static SpaceTimeCases spaceTime(String name) {
		try (Reader cases = reader(name + ".csv", "/analytics/golden/scan/");
				Reader geo = reader(name + ".geo.csv", "/analytics/golden/scan/")) {
			return SpaceTimeCases.readSatScan(cases, geo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(String name, String resourceDir) {
		try (Reader r = reader(name, resourceDir)) {
			List<String> out = new ArrayList<>();
			new java.io.BufferedReader(r).lines().filter(l -> !l.isBlank()).forEach(out::add);
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reader reader(String name, String resourceDir) throws IOException {
		String dir = System.getProperty("harmwatch.bench.data");
		InputStream in = null;
		if (dir != null && Files.exists(Path.of(dir, name))) {
			in = Files.newInputStream(Path.of(dir, name));
		}
		else if (dir != null && Files.exists(Path.of(dir, name + ".gz"))) {
			in = new GZIPInputStream(Files.newInputStream(Path.of(dir, name + ".gz")));
		}
		else {
			in = BenchData.class.getResourceAsStream(resourceDir + name);
			if (in == null) {
				InputStream gz = BenchData.class.getResourceAsStream(resourceDir + name + ".gz");
				if (gz == null) {
					throw new IllegalArgumentException("no benchmark input " + name + " (set harmwatch.bench.data)");
				}
				in = new GZIPInputStream(gz);
			}
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

}
