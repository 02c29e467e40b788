package org.harmwatch.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the peer-generated fixtures under
 * {@code src/test/resources/analytics/golden/spatial} (plain or gzipped).
 */
public final class SpatialFixtures {

	private SpatialFixtures() {
	}

	/** The text of a fixture, unzipped if its name ends in {@code .gz}. */
	public static String text(String name) {
		try (InputStream in = open(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A CSV fixture with a header row; cells are not quoted (the peers write none). */
	public static Table csv(String name) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
			List<String> header = Arrays.asList(reader.readLine().split(","));
			List<String[]> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
			return new Table(name, header, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String name) throws IOException {
		InputStream in = SpatialFixtures.class.getResourceAsStream("/analytics/golden/spatial/" + name);
		if (in == null) {
			throw new IllegalArgumentException("no fixture " + name + " (run regenerate.sh)");
		}
		return name.endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

	/** The rows of a CSV fixture. */
	public record Table(String name, List<String> header, List<String[]> rows) {

		public int size() {
			return rows.size();
		}

		public String[] strings(String column) {
			int c = index(column);
			return rows.stream().map(row -> row[c]).toArray(String[]::new);
		}

		/** A numeric column; R's NA and NaN become NaN. */
		public double[] doubles(String column) {
			int c = index(column);
			return rows.stream().mapToDouble(row -> {
				String cell = row[c];
				return cell.equals("NA") || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
			}).toArray();
		}

		public int[] ints(String column) {
			int c = index(column);
			return rows.stream().mapToInt(row -> Integer.parseInt(row[c])).toArray();
		}

		private int index(String column) {
			int c = header.indexOf(column);
			if (c < 0) {
				throw new IllegalArgumentException(name + " has no column " + column + " (it has " + header + ")");
			}
			return c;
		}

	}

}
