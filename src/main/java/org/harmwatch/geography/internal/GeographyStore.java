package org.harmwatch.geography.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.internal.Dataset.SourceArea;
import org.harmwatch.geography.internal.Dataset.SourcePopulation;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The geography tables: the loader writes them, the catalogue reads them.
 */
@Component
class GeographyStore {

	/** The stored dataset's identity. */
	record StoredDataset(String id, String region, String attribution, String checksum, Instant loadedAt,
			String deprivationEdition) {
	}

	/** One stored area with its boundary. */
	record StoredArea(String code, AreaLevel level, String name, String ladCode, @Nullable String msoaCode,
			@Nullable String wardCode, String vintage, @Nullable Integer population, @Nullable Integer populationYear,
			@Nullable Integer imdRank, @Nullable Integer imdDecile, double centroidLat, double centroidLon,
			double areaKm2, Geometry geometry) {
	}

	/**
	 * One local authority's population in one year; {@code byAge} is empty when the
	 * source has no ages.
	 */
	record StoredPopulation(String ladCode, int year, int allAges, boolean complete, List<@Nullable Integer> byAge) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	GeographyStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Serialises loaders until the end of the current transaction, across every instance
	 * sharing the database.
	 */
	void lockForLoading() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('harmwatch.geography.load'))").query().singleValue();
	}

	Optional<StoredDataset> dataset() {
		return jdbc
			.sql("SELECT id, region, attribution, checksum, loaded_at, deprivation_edition FROM geography.dataset")
			.query((rs, n) -> new StoredDataset(rs.getString("id"), rs.getString("region"), rs.getString("attribution"),
					rs.getString("checksum"), rs.getTimestamp("loaded_at").toInstant(),
					rs.getString("deprivation_edition")))
			.optional();
	}

	Map<AreaLevel, Long> counts() {
		var counts = new java.util.EnumMap<AreaLevel, Long>(AreaLevel.class);
		for (var level : AreaLevel.values()) {
			counts.put(level, 0L);
		}
		jdbc.sql("SELECT level, count(*) AS n FROM geography.area GROUP BY level")
			.query((rs, n) -> Map.entry(AreaLevel.valueOf(rs.getString("level")), rs.getLong("n")))
			.list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	long populationRows() {
		return jdbc.sql("SELECT count(*) FROM geography.lad_population").query(Long.class).single();
	}

	/**
	 * Replaces everything stored with the dataset given; call inside a transaction
	 * holding the loading lock.
	 */
	void replace(Dataset dataset, Instant now) {
		jdbc.sql("DELETE FROM geography.area").update();
		jdbc.sql("DELETE FROM geography.lad_population").update();
		jdbc.sql("DELETE FROM geography.dataset").update();
		jdbc.sql("""
				INSERT INTO geography.dataset (id, region, attribution, checksum, loaded_at, deprivation_edition)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(dataset.id(), dataset.region(), dataset.attribution(), dataset.checksum(), Timestamp.from(now),
					dataset.deprivationEdition())
			.update();

		var latest = dataset.populations()
			.stream()
			.filter(SourcePopulation::complete)
			.collect(Collectors.toMap(SourcePopulation::ladCode, p -> p, (a, b) -> a.year() >= b.year() ? a : b));
		var wkb = new WKBWriter(2);
		var rows = new ArrayList<Object[]>(dataset.areas().size());
		for (var area : dataset.areas()) {
			var centroid = area.geometry().getCentroid();
			var lad = area.level() == AreaLevel.LAD ? latest.get(area.code()) : null;
			var people = lad != null ? Integer.valueOf(lad.allAges()) : area.population();
			var year = lad != null ? Integer.valueOf(lad.year()) : area.populationYear();
			rows.add(new Object[] { area.code(), area.level().name(), area.name(), area.ladCode(), area.msoaCode(),
					area.wardCode(), area.vintage(), people, year, area.imdRank(), area.imdDecile(), centroid.getY(),
					centroid.getX(), areaKm2(area.geometry(), centroid.getY()), wkb.write(area.geometry()) });
		}
		template.batchUpdate("""
				INSERT INTO geography.area (code, level, name, lad_code, msoa_code, ward_code, vintage, population,
				  population_year, imd_rank, imd_decile, centroid_lat, centroid_lon, area_km2, geometry)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO NOTHING""", rows);

		var populationRows = dataset.populations()
			.stream()
			.map(p -> new Object[] { p.ladCode(), p.year(), p.allAges(), p.complete(), arrayLiteral(p.byAge()) })
			.toList();
		template.batchUpdate("""
				INSERT INTO geography.lad_population (lad_code, year, all_ages, complete, by_age)
				VALUES (?, ?, ?, ?, CAST(? AS INTEGER[])) ON CONFLICT (lad_code, year) DO NOTHING""", populationRows);
	}

	/**
	 * A PostgreSQL array literal such as {@code {1,2,NULL}}; {@code null} for no values.
	 */
	static @Nullable String arrayLiteral(List<@Nullable Integer> values) {
		if (values.isEmpty()) {
			return null;
		}
		return values.stream().map(v -> v == null ? "NULL" : v.toString()).collect(Collectors.joining(",", "{", "}"));
	}

	List<StoredArea> areas() {
		var reader = new WKBReader(GeoJsonGeometries.GEOMETRIES);
		return jdbc
			.sql("""
					SELECT code, level, name, lad_code, msoa_code, ward_code, vintage, population, population_year, imd_rank,
					       imd_decile, centroid_lat, centroid_lon, area_km2, geometry
					FROM geography.area ORDER BY code""")
			.query((rs, n) -> new StoredArea(rs.getString("code"), AreaLevel.valueOf(rs.getString("level")),
					rs.getString("name"), rs.getString("lad_code"), rs.getString("msoa_code"),
					rs.getString("ward_code"), rs.getString("vintage"), integer(rs, "population"),
					integer(rs, "population_year"), integer(rs, "imd_rank"), integer(rs, "imd_decile"),
					rs.getDouble("centroid_lat"), rs.getDouble("centroid_lon"), rs.getDouble("area_km2"),
					geometry(reader, rs.getBytes("geometry"), rs.getString("code"))))
			.list();
	}

	List<StoredPopulation> populations() {
		return jdbc.sql("SELECT lad_code, year, all_ages, complete, by_age FROM geography.lad_population")
			.query((rs, n) -> new StoredPopulation(rs.getString("lad_code"), rs.getInt("year"), rs.getInt("all_ages"),
					rs.getBoolean("complete"), ages(rs.getArray("by_age"))))
			.list()
			.stream()
			.sorted(Comparator.comparing(StoredPopulation::ladCode).thenComparingInt(StoredPopulation::year))
			.toList();
	}

	/**
	 * Approximate area of a longitude/latitude polygon in km² (planar, scaled at its
	 * latitude).
	 */
	static double areaKm2(Geometry geometry, double lat) {
		double kmPerDegree = AreaIndex.METRES_PER_DEGREE / 1000;
		return geometry.getArea() * kmPerDegree * kmPerDegree * Math.cos(Math.toRadians(lat));
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static List<@Nullable Integer> ages(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		var values = (Integer[]) array.getArray();
		return java.util.Collections.unmodifiableList(Arrays.asList(values));
	}

	private static Geometry geometry(WKBReader reader, byte[] wkb, String code) {
		try {
			var geometry = reader.read(wkb);
			geometry.setSRID(4326);
			return geometry;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored boundary of " + code + " is not valid WKB", ex);
		}
	}

}
