package org.harmwatch.analytics.temporal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the golden CSV files (written by R's write.csv: NA, Inf and -Inf as words) from
 * the test classpath.
 */
final class Golden {

	private final List<String> header;

	private final List<String[]> rows;

	private Golden(List<String> header, List<String[]> rows) {
		this.header = header;
		this.rows = rows;
	}

	static Golden read(String name) {
		String path = "/analytics/golden/temporal/" + name;
		try (InputStream in = Golden.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no golden file " + path);
			}
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
			List<String[]> rows = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					rows.add(lines[i].split(",", -1));
				}
			}
			return new Golden(Arrays.asList(lines[0].split(",")), rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.rows.size();
	}

	String text(int row, String column) {
		return this.rows.get(row)[column(column)];
	}

	double number(int row, String column) {
		String v = text(row, column);
		return switch (v) {
			case "NA", "NaN" -> Double.NaN;
			case "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(v);
		};
	}

	double[] numbers(String column) {
		double[] out = new double[size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = number(i, column);
		}
		return out;
	}

	List<String> texts(String column) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			out.add(text(i, column));
		}
		return out;
	}

	private int column(String name) {
		int i = this.header.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException("no column " + name + " in " + this.header);
		}
		return i;
	}

	/** |a - b| within tol, or both NaN, or the same infinity. */
	static boolean close(double a, double b, double tol) {
		if (Double.isNaN(a) || Double.isNaN(b)) {
			return Double.isNaN(a) && Double.isNaN(b);
		}
		if (Double.isInfinite(a) || Double.isInfinite(b)) {
			return a == b;
		}
		return Math.abs(a - b) <= tol;
	}

}
