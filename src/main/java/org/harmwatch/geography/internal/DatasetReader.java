package org.harmwatch.geography.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.internal.Dataset.SourceArea;
import org.harmwatch.geography.internal.Dataset.SourcePopulation;
import org.harmwatch.platform.CsvReader;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a region's geography from the folder its manifest ({@code dataset.properties}) is
 * in.
 *
 * <p>
 * The manifest names each file and the GeoJSON properties or CSV columns to read, so the
 * code knows nothing of a particular region. Every problem is reported with the file it
 * is in.
 */
final class DatasetReader {

	static final String MANIFEST = "dataset.properties";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ResourceLoader resources;

	private final String location;

	/**
	 * The manifest entries naming the dataset's files, in the order the checksum covers
	 * them.
	 */
	static final List<String> FILE_KEYS = List.of("lad.file", "ward.file", "msoa.file", "lsoa.file", "lsoa-lookup.file",
			"deprivation.file", "population.file");

	private final Map<String, byte[]> files = new HashMap<>();

	private final Properties manifest = new Properties();

	private DatasetReader(ResourceLoader resources, String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
		try (var in = new InputStreamReader(new ByteArrayInputStream(bytes(MANIFEST)), StandardCharsets.UTF_8)) {
			manifest.load(in);
		}
		catch (IOException ex) {
			throw new DatasetException("Cannot read " + this.location + MANIFEST, ex);
		}
	}

	/**
	 * Reads the dataset whose manifest is in the given folder (a Spring resource
	 * location).
	 */
	static Dataset read(ResourceLoader resources, String location) {
		return new DatasetReader(resources, location).read();
	}

	/**
	 * The checksum of the dataset in the given folder, without parsing it: cheap enough
	 * for every start-up.
	 */
	static String checksum(ResourceLoader resources, String location) {
		return new DatasetReader(resources, location).checksum();
	}

	/**
	 * SHA-256 of each file's name, length and CRC-32, in manifest order. CRC-32 runs
	 * natively even before the JIT has warmed up, so checking an unchanged dataset at
	 * start-up costs milliseconds; it detects changes, not tampering.
	 */
	private String checksum() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		var names = new ArrayList<String>();
		names.add(MANIFEST);
		for (var key : FILE_KEYS) {
			var file = manifest.getProperty(key, "").trim();
			if (!file.isEmpty()) {
				names.add(file);
			}
		}
		for (var name : names) {
			var content = bytes(name);
			var crc = new CRC32();
			crc.update(content);
			digest.update((name + ":" + content.length + ":" + Long.toHexString(crc.getValue()) + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private Dataset read() {
		var id = required("id");
		var region = required("region");
		var attribution = manifest.getProperty("attribution", "");

		var areas = new ArrayList<SourceArea>();
		var ladNames = new HashMap<String, String>();
		for (var level : AreaLevel.values()) {
			var read = readLevel(level);
			if (level == AreaLevel.LAD) {
				read.forEach(area -> ladNames.put(area.code(), area.name()));
			}
			for (var area : read) {
				if (!ladNames.containsKey(area.ladCode())) {
					throw new DatasetException(file(level) + ": " + area.code() + " names local authority "
							+ area.ladCode() + ", which is not in " + file(AreaLevel.LAD));
				}
			}
			areas.addAll(read);
		}
		var unique = new HashMap<String, AreaLevel>();
		for (var area : areas) {
			var earlier = unique.put(area.code(), area.level());
			if (earlier != null) {
				throw new DatasetException("Area code " + area.code() + " appears twice (" + earlier.urlName() + ", "
						+ area.level().urlName() + ")");
			}
		}
		areas.replaceAll(this::withDeprivation);
		var nested = withLsoaLookup(nestLsoasInMsoas(areas));
		var populations = new ArrayList<>(readPopulations(ladNames.keySet()));
		var summed = withSummedPopulations(nested, populations);
		return new Dataset(id, region, attribution, checksum(), summed, populations,
				manifest.getProperty("deprivation.edition", "").trim());
	}

	// ---- Boundaries

	private String file(AreaLevel level) {
		return required(level.urlName() + ".file");
	}

	private List<SourceArea> readLevel(AreaLevel level) {
		var prefix = level.urlName() + ".";
		var file = file(level);
		var codeProperty = required(prefix + "code");
		var nameProperty = required(prefix + "name");
		var ladProperty = required(prefix + "lad");
		var vintage = required(prefix + "vintage");
		JsonNode root;
		try {
			root = json.readTree(bytes(file));
		}
		catch (JacksonException ex) {
			throw new DatasetException(file + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		var features = root.path("features");
		if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray()) {
			throw new DatasetException(file + " is not a GeoJSON FeatureCollection");
		}
		var result = new ArrayList<SourceArea>(features.size());
		int index = 0;
		for (var feature : features.values()) {
			var where = file + ", feature " + index++;
			var properties = feature.path("properties");
			var code = text(properties, codeProperty, where);
			var geometry = GeoJsonGeometries.geometry(feature.path("geometry"), where + " (" + code + ")");
			result.add(new SourceArea(level, code, text(properties, nameProperty, where),
					text(properties, ladProperty, where), null, null, vintage, geometry, null, null, null, null));
		}
		return result;
	}

	private static String text(JsonNode properties, String name, String where) {
		var value = properties.path(name);
		if (!value.isString() && !value.isNumber() || value.asString().isBlank()) {
			throw new DatasetException(where + " has no property " + name);
		}
		return value.asString().trim();
	}

	/**
	 * Gives each LSOA the MSOA its interior point lies in (2011 LSOAs nest exactly in
	 * MSOAs).
	 */
	private List<SourceArea> nestLsoasInMsoas(List<SourceArea> areas) {
		var msoas = new LinkedHashMap<String, Geometry>();
		areas.stream()
			.filter(area -> area.level() == AreaLevel.MSOA)
			.forEach(area -> msoas.put(area.code(), area.geometry()));
		if (msoas.isEmpty()) {
			return areas;
		}
		var index = new AreaIndex(msoas, 50);
		return areas.stream().map(area -> {
			if (area.level() != AreaLevel.LSOA) {
				return area;
			}
			var inside = area.geometry().getInteriorPoint();
			return area.withMsoa(index.locate(inside.getX(), inside.getY()).orElse(null));
		}).toList();
	}

	// ---- LSOA lookup: best-fit wards and small-area populations

	/**
	 * Gives each LSOA the ward and population the manifest's {@code lsoa-lookup} table
	 * names; an LSOA the table leaves out keeps neither.
	 */
	private List<SourceArea> withLsoaLookup(List<SourceArea> areas) {
		var file = manifest.getProperty("lsoa-lookup.file", "").trim();
		if (file.isEmpty()) {
			return areas;
		}
		var table = csv(file);
		int code = table.column(required("lsoa-lookup.code"));
		var wardColumn = manifest.getProperty("lsoa-lookup.ward", "").trim();
		int ward = wardColumn.isEmpty() ? -1 : table.column(wardColumn);
		var populationColumn = manifest.getProperty("lsoa-lookup.population", "").trim();
		int population = populationColumn.isEmpty() ? -1 : table.column(populationColumn);
		Integer year = population < 0 ? null : Integer.valueOf(required("lsoa-lookup.population-year"));
		var wards = areas.stream()
			.filter(area -> area.level() == AreaLevel.WARD)
			.map(SourceArea::code)
			.collect(Collectors.toSet());
		var byCode = new HashMap<String, SourceArea>();
		for (var area : areas) {
			if (area.level() == AreaLevel.LSOA) {
				byCode.put(area.code(), area);
			}
		}
		for (int row = 0; row < table.rows().size(); row++) {
			var lsoa = byCode.get(table.rows().get(row)[code]);
			if (lsoa == null) {
				continue; // a wider table than the region
			}
			var wardCode = ward < 0 ? null : table.rows().get(row)[ward];
			if (wardCode != null && !wards.contains(wardCode)) {
				throw new DatasetException(file + ", line " + table.lines().get(row) + ": ward " + wardCode
						+ " is not in " + file(AreaLevel.WARD));
			}
			var people = population < 0 ? null : Integer.valueOf(table.integer(row, population));
			byCode.put(lsoa.code(), lsoa.withWardAndPopulation(wardCode, people, people == null ? null : year));
		}
		return areas.stream().map(area -> area.level() == AreaLevel.LSOA ? byCode.get(area.code()) : area).toList();
	}

	/**
	 * Gives wards, MSOAs and local authorities the sum of their LSOAs' populations when
	 * every one of their LSOAs has one, and adds that sum as a local authority's
	 * population for a year its own population file does not cover.
	 */
	private static List<SourceArea> withSummedPopulations(List<SourceArea> areas, List<SourcePopulation> populations) {
		var lsoas = areas.stream().filter(area -> area.level() == AreaLevel.LSOA).toList();
		if (lsoas.isEmpty() || lsoas.stream().anyMatch(lsoa -> lsoa.population() == null)) {
			return areas;
		}
		int year = lsoas.getFirst().populationYear();
		var sums = new HashMap<String, Integer>();
		for (var lsoa : lsoas) {
			int people = lsoa.population();
			sums.merge(lsoa.ladCode(), people, Integer::sum);
			if (lsoa.msoaCode() != null) {
				sums.merge(lsoa.msoaCode(), people, Integer::sum);
			}
			if (lsoa.wardCode() != null) {
				sums.merge(lsoa.wardCode(), people, Integer::sum);
			}
		}
		for (var lad : areas) {
			if (lad.level() == AreaLevel.LAD && sums.containsKey(lad.code())
					&& populations.stream().noneMatch(p -> p.ladCode().equals(lad.code()) && p.year() == year)) {
				populations.add(new SourcePopulation(lad.code(), year, sums.get(lad.code()), true, List.of()));
			}
		}
		return areas.stream().map(area -> {
			if (area.level() == AreaLevel.LSOA || area.level() == AreaLevel.LAD || !sums.containsKey(area.code())) {
				return area;
			}
			return area.withWardAndPopulation(area.wardCode(), sums.get(area.code()), year);
		}).toList();
	}

	// ---- Deprivation

	private @Nullable Map<String, int[]> deprivation;

	private SourceArea withDeprivation(SourceArea area) {
		if (area.level() != AreaLevel.LSOA || manifest.getProperty("deprivation.file", "").isBlank()) {
			return area;
		}
		if (deprivation == null) {
			deprivation = readDeprivation();
		}
		var values = deprivation.get(area.code());
		if (values == null) {
			return area;
		}
		return area.withDeprivation(values[0], values[1]);
	}

	private Map<String, int[]> readDeprivation() {
		var file = required("deprivation.file");
		var table = csv(file);
		int code = table.column(required("deprivation.code"));
		int rank = table.column(required("deprivation.rank"));
		int decile = table.column(required("deprivation.decile"));
		var result = new HashMap<String, int[]>();
		for (int row = 0; row < table.rows().size(); row++) {
			var cells = table.rows().get(row);
			int d = table.integer(row, decile);
			if (d < 1 || d > 10) {
				throw new DatasetException(
						file + ", line " + table.lines().get(row) + ": decile must be 1 to 10, not " + d);
			}
			result.put(cells[code], new int[] { table.integer(row, rank), d });
		}
		return result;
	}

	// ---- Populations

	private List<SourcePopulation> readPopulations(java.util.Set<String> ladCodes) {
		var file = manifest.getProperty("population.file", "");
		if (file.isBlank()) {
			return List.of();
		}
		var table = csv(file);
		int code = table.column(required("population.code"));
		int year = table.column(required("population.year"));
		int allAges = table.column(required("population.all-ages"));
		var ageColumns = new ArrayList<Integer>();
		var pattern = manifest.getProperty("population.age-column", "");
		if (!pattern.isBlank()) {
			int max = Integer.parseInt(required("population.age-max"));
			for (int age = 0; age <= max; age++) {
				ageColumns.add(table.column(pattern.replace("{age}", Integer.toString(age))));
			}
			var top = manifest.getProperty("population.age-top-column", "");
			if (!top.isBlank()) {
				ageColumns.add(table.column(top));
			}
		}
		var result = new ArrayList<SourcePopulation>();
		for (int row = 0; row < table.rows().size(); row++) {
			var lad = table.rows().get(row)[code];
			if (!ladCodes.contains(lad)) {
				continue; // a wider table than the region: keep the region's rows
			}
			var byAge = new ArrayList<@Nullable Integer>(ageColumns.size());
			for (int column : ageColumns) {
				byAge.add(table.optionalInteger(row, column));
			}
			boolean complete = !byAge.contains(null);
			result
				.add(new SourcePopulation(lad, table.integer(row, year), table.integer(row, allAges), complete, byAge));
		}
		return result;
	}

	// ---- Files

	private String required(String key) {
		var value = manifest.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new DatasetException(location + MANIFEST + " has no '" + key + "'");
		}
		return value.trim();
	}

	private byte[] bytes(String file) {
		var cached = files.get(file);
		if (cached != null) {
			return cached;
		}
		var resource = resources.getResource(location + file);
		try (var in = resource.getInputStream()) {
			var content = in.readAllBytes();
			files.put(file, content);
			return content;
		}
		catch (IOException ex) {
			throw new DatasetException("Cannot read " + location + file + ": " + ex.getMessage(), ex);
		}
	}

	private Table csv(String file) {
		List<CsvReader.Row> records;
		try {
			records = CsvReader.read(new String(bytes(file), StandardCharsets.UTF_8))
				.stream()
				.filter(row -> !row.blank())
				.toList();
		}
		catch (CsvReader.MalformedCsvException ex) {
			throw new DatasetException(file + ", line " + ex.line() + ": " + ex.getMessage(), ex);
		}
		if (records.isEmpty()) {
			throw new DatasetException(file + " is empty");
		}
		var header = trimmed(records.getFirst());
		var rows = new ArrayList<String[]>();
		var lines = new ArrayList<Long>();
		for (var record : records.subList(1, records.size())) {
			var cells = trimmed(record);
			if (cells.size() != header.size()) {
				throw new DatasetException(file + ", line " + record.line() + ": " + cells.size()
						+ " cells, the header has " + header.size());
			}
			rows.add(cells.toArray(String[]::new));
			lines.add(record.line());
		}
		return new Table(file, header, rows, lines);
	}

	/**
	 * The cells of one CSV line (RFC 4180 quoting, a byte-order mark dropped), each
	 * trimmed.
	 */
	static String[] cells(String line) {
		var records = CsvReader.read(line);
		return records.isEmpty() ? new String[] { "" } : trimmed(records.getFirst()).toArray(String[]::new);
	}

	private static List<String> trimmed(CsvReader.Row row) {
		return row.fields().stream().map(String::trim).toList();
	}

	/** A CSV file's header and rows, and the line of the file each row is on. */
	private record Table(String file, List<String> header, List<String[]> rows, List<Long> lines) {

		int column(String name) {
			int index = header.indexOf(name);
			if (index < 0) {
				throw new DatasetException(file + " has no column '" + name + "'");
			}
			return index;
		}

		int integer(int row, int column) {
			var value = optionalInteger(row, column);
			if (value == null) {
				throw new DatasetException(file + ", line " + lines.get(row) + ": " + header.get(column) + " is empty");
			}
			return value;
		}

		@Nullable Integer optionalInteger(int row, int column) {
			var text = rows.get(row)[column];
			if (text.isEmpty() || text.equals("-") || text.equals("..")) {
				return null;
			}
			try {
				return (int) Math.round(Double.parseDouble(text));
			}
			catch (NumberFormatException ex) {
				throw new DatasetException(file + ", line " + lines.get(row) + ": " + header.get(column)
						+ " is not a number: '" + text + "'");
			}
		}

	}

}
