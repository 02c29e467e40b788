package org.harmwatch.analytics.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Loads the generated space-time data sets from golden/scan.
 */
final class ScanFixtures {

	private ScanFixtures() {
	}

	static SpaceTimeCases load(String name) {
		try (Reader cases = open(name + ".csv"); Reader geo = open(name + ".geo.csv")) {
			return SpaceTimeCases.readSatScan(cases, geo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Reader open(String file) throws IOException {
		String path = "/analytics/golden/scan/" + file;
		InputStream in = ScanFixtures.class.getResourceAsStream(path);
		if (in == null) {
			in = ScanFixtures.class.getResourceAsStream(path + ".gz");
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			in = new GZIPInputStream(in);
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

}
