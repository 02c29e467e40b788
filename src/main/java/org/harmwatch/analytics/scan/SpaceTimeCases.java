package org.harmwatch.analytics.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Case counts per location and day over a study period, with the locations' planar
 * coordinates: the input of the space-time permutation scan.
 *
 * <p>
 * Reads SaTScan's conventions: a case file of {@code loc,date,count} rows (several rows
 * for the same location and day add up; days without a row have no cases) and a
 * coordinates file of {@code loc,x,y}. Fields may be separated by commas or white space;
 * a first line whose count, x or y is not a number is taken as a header naming the
 * columns ({@code loc}/{@code location}/{@code id}, {@code date}/{@code time},
 * {@code count}/{@code cases}, {@code x}, {@code y}). Locations without cases still count
 * as locations.
 */
public final class SpaceTimeCases {

	private final List<String> locations;

	private final double[] x;

	private final double[] y;

	private final LocalDate firstDay;

	private final int days;

	/** Location-major: {@code counts[loc * days + day]}. */
	private final int[] counts;

	private final long total;

	private SpaceTimeCases(List<String> locations, double[] x, double[] y, LocalDate firstDay, int days, int[] counts) {
		this.locations = List.copyOf(locations);
		this.x = x;
		this.y = y;
		this.firstDay = firstDay;
		this.days = days;
		this.counts = counts;
		long t = 0;
		for (int c : counts) {
			t += c;
		}
		this.total = t;
	}

	/**
	 * Builds the data from arrays.
	 * @param counts counts[location][day], non-negative
	 */
	public static SpaceTimeCases of(List<String> locations, double[] x, double[] y, LocalDate firstDay,
			int[][] counts) {
		int n = locations.size();
		if (x.length != n || y.length != n || counts.length != n) {
			throw new IllegalArgumentException("locations, coordinates and counts differ in length");
		}
		if (n == 0) {
			throw new IllegalArgumentException("no locations");
		}
		int days = counts[0].length;
		if (days == 0) {
			throw new IllegalArgumentException("no days");
		}
		int[] flat = new int[n * days];
		for (int l = 0; l < n; l++) {
			if (counts[l].length != days) {
				throw new IllegalArgumentException(
						"location " + locations.get(l) + " has " + counts[l].length + " days, not " + days);
			}
			for (int d = 0; d < days; d++) {
				if (counts[l][d] < 0) {
					throw new IllegalArgumentException("negative count at " + locations.get(l));
				}
				flat[l * days + d] = counts[l][d];
			}
		}
		requireFinite(x, y, locations);
		if (new java.util.HashSet<>(locations).size() != n) {
			throw new IllegalArgumentException("location ids are not unique");
		}
		return new SpaceTimeCases(locations, x.clone(), y.clone(), firstDay, days, flat);
	}

	/**
	 * Reads SaTScan-style files; the study period runs from the first to the last date in
	 * the case file.
	 */
	public static SpaceTimeCases readSatScan(Reader caseFile, Reader coordinatesFile) throws IOException {
		return readSatScan(caseFile, coordinatesFile, null, null);
	}

	/**
	 * Reads SaTScan-style files over a given study period (either bound may be null:
	 * taken from the case file).
	 * @throws IllegalArgumentException naming the line, for a malformed line, an unknown
	 * location, a negative count or a date outside the study period
	 */
	public static SpaceTimeCases readSatScan(Reader caseFile, Reader coordinatesFile, @Nullable LocalDate studyStart,
			@Nullable LocalDate studyEnd) throws IOException {
		Table geo = Table.read(coordinatesFile, "coordinates",
				new String[][] { { "loc", "location", "id" }, { "x" }, { "y" } }, new boolean[] { false, true, true });
		List<String> ids = new ArrayList<>();
		Map<String, Integer> index = new HashMap<>();
		List<double[]> xy = new ArrayList<>();
		for (Table.Row row : geo.rows) {
			String id = row.fields[0];
			if (index.put(id, ids.size()) != null) {
				throw new IllegalArgumentException("coordinates line " + row.line + ": location " + id + " twice");
			}
			ids.add(id);
			xy.add(new double[] { row.number(1), row.number(2) });
		}
		Table cases = Table.read(caseFile, "case",
				new String[][] { { "loc", "location", "id" }, { "date", "time" }, { "count", "cases" } },
				new boolean[] { false, false, true });
		LocalDate first = studyStart;
		LocalDate last = studyEnd;
		List<LocalDate> dates = new ArrayList<>();
		for (Table.Row row : cases.rows) {
			LocalDate d;
			try {
				d = LocalDate.parse(row.fields[1].replace('/', '-'));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"case line " + row.line + ": date '" + row.fields[1] + "' is not yyyy-mm-dd");
			}
			dates.add(d);
		}
		if (first == null || last == null) {
			for (LocalDate d : dates) {
				first = studyStart == null && (first == null || d.isBefore(first)) ? d : first;
				last = studyEnd == null && (last == null || d.isAfter(last)) ? d : last;
			}
		}
		if (first == null || last == null || last.isBefore(first)) {
			throw new IllegalArgumentException("the study period is empty: give it or at least one case");
		}
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		int[] counts = new int[ids.size() * days];
		for (int r = 0; r < cases.rows.size(); r++) {
			Table.Row row = cases.rows.get(r);
			Integer loc = index.get(row.fields[0]);
			if (loc == null) {
				throw new IllegalArgumentException(
						"case line " + row.line + ": location " + row.fields[0] + " is not in the coordinates file");
			}
			LocalDate d = dates.get(r);
			if (d.isBefore(first) || d.isAfter(last)) {
				throw new IllegalArgumentException(
						"case line " + row.line + ": " + d + " is outside the study period " + first + " to " + last);
			}
			double c = row.number(2);
			if (c < 0 || c != Math.rint(c) || c > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("case line " + row.line + ": count must be a whole number >= 0");
			}
			counts[loc * days + (int) ChronoUnit.DAYS.between(first, d)] += (int) c;
		}
		double[] x = new double[ids.size()];
		double[] y = new double[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			x[i] = xy.get(i)[0];
			y[i] = xy.get(i)[1];
		}
		return new SpaceTimeCases(ids, x, y, first, days, counts);
	}

	private static void requireFinite(double[] x, double[] y, List<String> ids) {
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("location " + ids.get(i) + " has no finite coordinates");
			}
		}
	}

	public List<String> locations() {
		return this.locations;
	}

	public int locationCount() {
		return this.locations.size();
	}

	public int days() {
		return this.days;
	}

	public LocalDate firstDay() {
		return this.firstDay;
	}

	public LocalDate day(int index) {
		return this.firstDay.plusDays(index);
	}

	public double x(int location) {
		return this.x[location];
	}

	public double y(int location) {
		return this.y[location];
	}

	/** Cases at a location on a day (0-based indexes). */
	public int count(int location, int day) {
		return this.counts[location * this.days + day];
	}

	public long totalCases() {
		return this.total;
	}

	/** The location-major count array (not copied: package use only). */
	int[] countsView() {
		return this.counts;
	}

	/** A small CSV / white-space table reader with optional header. */
	private static final class Table {

		record Row(int line, String[] fields) {

			double number(int i) {
				try {
					return Double.parseDouble(this.fields[i]);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(
							"line " + this.line + ": '" + this.fields[i] + "' is not a number");
				}
			}

		}

		final List<Row> rows = new ArrayList<>();

		static Table read(Reader reader, String what, String[][] names, boolean[] numeric) throws IOException {
			Table t = new Table();
			BufferedReader in = new BufferedReader(reader);
			int[] columns = null;
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] f = trimmed.contains(",") ? trimmed.split("\\s*,\\s*", -1) : trimmed.split("\\s+");
				if (columns == null) {
					columns = header(f, names);
					if (columns != null) {
						continue;
					}
					columns = new int[names.length];
					for (int i = 0; i < names.length; i++) {
						columns[i] = i;
					}
				}
				String[] picked = new String[names.length];
				for (int i = 0; i < names.length; i++) {
					if (columns[i] >= f.length) {
						throw new IllegalArgumentException(what + " file line " + number + ": expected " + names.length
								+ " fields, found " + f.length);
					}
					picked[i] = f[columns[i]];
				}
				Row row = new Row(number, picked);
				for (int i = 0; i < names.length; i++) {
					if (numeric[i]) {
						try {
							row.number(i);
						}
						catch (IllegalArgumentException ex) {
							throw new IllegalArgumentException(what + " file " + ex.getMessage());
						}
					}
				}
				t.rows.add(row);
			}
			return t;
		}

		/** Column positions if the line is a header naming every column, else null. */
		private static int @Nullable [] header(String[] f, String[][] names) {
			int[] columns = new int[names.length];
			for (int i = 0; i < names.length; i++) {
				columns[i] = -1;
				for (int j = 0; j < f.length; j++) {
					for (String name : names[i]) {
						if (f[j].toLowerCase(Locale.ROOT).equals(name)) {
							columns[i] = j;
						}
					}
				}
				if (columns[i] < 0) {
					return null;
				}
			}
			return columns;
		}

	}

}
