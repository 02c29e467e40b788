package org.harmwatch.geography.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.AreaLookup;
import org.harmwatch.geography.BoundaryDocument;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.LatLon;
import org.harmwatch.geography.internal.GeographyStore.StoredArea;
import org.harmwatch.geography.internal.GeographyStore.StoredPopulation;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The region's areas in memory: attributes, boundaries, a point index per level and
 * rendered GeoJSON.
 *
 * <p>
 * Built from the stored areas once the loader has run, before the application takes
 * requests, and replaced whole (one volatile reference) when reloaded, so readers never
 * see a half-built catalogue.
 */
@Component
public class AreaCatalogue implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AreaCatalogue.class);

	private record Snapshot(String region, String attribution, String deprivationEdition, String version,
			Map<String, Area> areas, Map<AreaLevel, List<Area>> byLevel, Map<String, Geometry> boundaries,
			Map<AreaLevel, AreaIndex> indexes, Map<String, NavigableMap<Integer, StoredPopulation>> populations,
			Optional<Bounds> bounds, ConcurrentMap<String, BoundaryDocument> documents) {
	}

	private final GeographyLoader loader;

	private final GeographyStore store;

	private final GeographyProperties properties;

	private volatile @Nullable Snapshot snapshot;

	AreaCatalogue(GeographyLoader loader, GeographyStore store, GeographyProperties properties) {
		this.loader = loader;
		this.store = store;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		loader.loadIfChanged();
		refresh();
	}

	/** Rebuilds the catalogue from the stored areas. */
	public void refresh() {
		long started = System.nanoTime();
		var dataset = store.dataset();
		var stored = store.areas();
		long read = System.nanoTime();

		var ladNames = new HashMap<String, String>();
		stored.stream().filter(a -> a.level() == AreaLevel.LAD).forEach(a -> ladNames.put(a.code(), a.name()));
		var areas = new LinkedHashMap<String, Area>();
		var boundaries = new HashMap<String, Geometry>();
		var byLevel = new EnumMap<AreaLevel, List<Area>>(AreaLevel.class);
		var geometriesByLevel = new EnumMap<AreaLevel, Map<String, Geometry>>(AreaLevel.class);
		for (var level : AreaLevel.values()) {
			byLevel.put(level, new ArrayList<>());
			geometriesByLevel.put(level, new HashMap<>());
		}
		var envelope = new Envelope();
		for (var s : stored) {
			var area = area(s, ladNames.getOrDefault(s.ladCode(), s.ladCode()));
			areas.put(area.code(), area);
			boundaries.put(area.code(), s.geometry());
			byLevel.get(area.level()).add(area);
			geometriesByLevel.get(area.level()).put(area.code(), s.geometry());
			if (area.level() == AreaLevel.LAD) {
				envelope.expandToInclude(s.geometry().getEnvelopeInternal());
			}
		}
		var indexes = new EnumMap<AreaLevel, AreaIndex>(AreaLevel.class);
		for (var level : AreaLevel.values()) {
			byLevel.get(level).sort(Comparator.comparing(Area::code));
			byLevel.put(level, List.copyOf(byLevel.get(level)));
			// The region's edge is the local authority boundaries, exactly; finer levels
			// forgive small gaps.
			double tolerance = level == AreaLevel.LAD ? 0 : properties.lookupToleranceMetres();
			indexes.put(level, new AreaIndex(geometriesByLevel.get(level), tolerance));
		}
		var populations = new HashMap<String, NavigableMap<Integer, StoredPopulation>>();
		for (var population : store.populations()) {
			populations.computeIfAbsent(population.ladCode(), lad -> new TreeMap<>())
				.put(population.year(), population);
		}
		var bounds = envelope.isNull() ? Optional.<Bounds>empty() : Optional
			.of(new Bounds(envelope.getMinY(), envelope.getMinX(), envelope.getMaxY(), envelope.getMaxX()));
		var version = dataset.map(d -> d.checksum().substring(0, 16)).orElse("empty");
		this.snapshot = new Snapshot(dataset.map(GeographyStore.StoredDataset::region).orElse(""),
				dataset.map(GeographyStore.StoredDataset::attribution).orElse(""),
				dataset.map(GeographyStore.StoredDataset::deprivationEdition).orElse(""), version, Map.copyOf(areas),
				Map.copyOf(byLevel), Map.copyOf(boundaries), Map.copyOf(indexes), Map.copyOf(populations), bounds,
				new ConcurrentHashMap<>());
		long done = System.nanoTime();
		log.info("Geography catalogue ready in {} ms ({} ms reading {} areas, {} ms building indexes)",
				(done - started) / 1_000_000, (read - started) / 1_000_000, areas.size(), (done - read) / 1_000_000);
	}

	private static Area area(StoredArea s, String ladName) {
		return new Area(s.code(), s.level(), s.name(), s.ladCode(), ladName, s.msoaCode(), s.wardCode(), s.vintage(),
				s.population(), s.populationYear(), s.imdRank(), s.imdDecile(),
				new LatLon(s.centroidLat(), s.centroidLon()), s.areaKm2());
	}

	private Snapshot current() {
		var current = snapshot;
		if (current == null) {
			throw new IllegalStateException("The geography catalogue is not built yet");
		}
		return current;
	}

	public String region() {
		return current().region();
	}

	public String attribution() {
		return current().attribution();
	}

	public String deprivationEdition() {
		return current().deprivationEdition();
	}

	public Optional<Bounds> bounds() {
		return current().bounds();
	}

	/** The areas containing the point, or empty if no local authority does. */
	public Optional<AreaLookup> lookup(double lat, double lon) {
		if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
			return Optional.empty();
		}
		var current = current();
		var lad = locate(current, AreaLevel.LAD, lat, lon);
		if (lad == null) {
			return Optional.empty();
		}
		var msoa = locate(current, AreaLevel.MSOA, lat, lon);
		var lsoa = locate(current, AreaLevel.LSOA, lat, lon);
		// Where the dataset assigns LSOAs to wards (generalised ward outlines), the LSOA
		// decides: counts by ward then add up exactly from counts by LSOA.
		var ward = lsoa != null && lsoa.wardCode() != null ? current.areas().get(lsoa.wardCode())
				: locate(current, AreaLevel.WARD, lat, lon);
		return Optional.of(new AreaLookup(lad.ref(), ward == null ? null : ward.ref(), msoa == null ? null : msoa.ref(),
				lsoa == null ? null : lsoa.ref()));
	}

	private static @Nullable Area locate(Snapshot snapshot, AreaLevel level, double lat, double lon) {
		return snapshot.indexes().get(level).locate(lon, lat).map(snapshot.areas()::get).orElse(null);
	}

	private static boolean isLad(Snapshot snapshot, String code) {
		var area = snapshot.areas().get(code);
		return area != null && area.level() == AreaLevel.LAD;
	}

	public Optional<Area> area(String code) {
		return Optional.ofNullable(current().areas().get(code));
	}

	public List<Area> areas(AreaLevel level) {
		return current().byLevel().get(level);
	}

	public Optional<Geometry> boundary(String code) {
		return Optional.ofNullable(current().boundaries().get(code)).map(Geometry::copy);
	}

	public List<String> neighbours(String code) {
		var current = current();
		var area = current.areas().get(code);
		return area == null ? List.of() : current.indexes().get(area.level()).neighbours(code);
	}

	private NavigableMap<Integer, StoredPopulation> populations(String ladCode) {
		return current().populations().getOrDefault(ladCode, new TreeMap<>());
	}

	public OptionalLong population(String ladCode, int year) {
		var population = populations(ladCode).get(year);
		return population == null || !population.complete() ? OptionalLong.empty()
				: OptionalLong.of(population.allAges());
	}

	public OptionalLong population(String ladCode, int year, int fromAge, int toAge) {
		var population = populations(ladCode).get(year);
		if (population == null || population.byAge().isEmpty() || fromAge < 0 || toAge < fromAge) {
			return OptionalLong.empty();
		}
		var byAge = population.byAge();
		long sum = 0;
		for (int age = fromAge; age <= Math.min(toAge, byAge.size() - 1); age++) {
			var count = byAge.get(age);
			if (count == null) {
				return OptionalLong.empty();
			}
			sum += count;
		}
		return OptionalLong.of(sum);
	}

	public List<Integer> populationYears(String ladCode) {
		return populations(ladCode).values()
			.stream()
			.filter(StoredPopulation::complete)
			.map(StoredPopulation::year)
			.toList();
	}

	/**
	 * The GeoJSON of a level's boundaries, optionally only those in one local authority;
	 * rendered once, then kept.
	 */
	public BoundaryDocument document(AreaLevel level, @Nullable String ladCode) {
		var current = current();
		if (ladCode != null && !isLad(current, ladCode)) {
			throw new IllegalArgumentException("No local authority " + ladCode);
		}
		var key = level.urlName() + "/" + (ladCode == null ? "" : ladCode);
		return current.documents().computeIfAbsent(key, k -> {
			var areas = current.byLevel()
				.get(level)
				.stream()
				.filter(area -> ladCode == null || area.ladCode().equals(ladCode))
				.toList();
			var content = FeatureCollections.write(areas, current.boundaries(), current.attribution());
			return new BoundaryDocument(content, current.version() + "-" + key.replace('/', '-'), areas.size());
		});
	}

}
