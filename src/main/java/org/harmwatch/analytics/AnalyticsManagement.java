package org.harmwatch.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.hotspot.GetisOrdGiStar;
import org.harmwatch.analytics.hotspot.Permutations;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.analytics.hotspot.SpatialWeights;
import org.harmwatch.analytics.internal.AlarmSeries;
import org.harmwatch.analytics.internal.AnalyticsExecutor;
import org.harmwatch.analytics.internal.AnalyticsLimits;
import org.harmwatch.analytics.internal.Heatmaps;
import org.harmwatch.analytics.internal.LocalProjection;
import org.harmwatch.analytics.internal.ObservationRepository;
import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.scan.SpaceTimeCases;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.GeographyManagement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules and the analytics API ask of the engine: hotspots over the region's
 * areas, heatmaps of points, alarms on daily counts, space-time clusters, and the
 * observations the spike detector watches.
 *
 * <p>
 * It takes and gives counts, rates and points, never people. Coordinates are projected to
 * metres about the region (see {@code LocalProjection}) before the engine sees them.
 * Every answer is computed on request and nothing but observations is stored. Requests
 * are bounded by the work they ask for, not only by their size: a heatmap by its kernel
 * evaluations ({@code harmwatch.analytics.limits.max-heatmap-work}), so that one request
 * cannot hold the CPU for seconds. Every computation runs on the bounded
 * {@link AnalyticsExecutor} (its own fork-join pool, a few requests at a time), never on
 * the JVM's common pool.
 */
@Service
@EnableConfigurationProperties(AnalyticsLimits.class)
public class AnalyticsManagement {

	/** The most cells a heatmap may have: 1000 x 1000. */
	public static final int MAX_HEATMAP_CELLS = 1_000_000;

	/** The most points or cases one request may carry. */
	public static final int MAX_POINTS = 1_000_000;

	/** The most permutations or replications one request may ask for. */
	public static final int MAX_PERMUTATIONS = 9_999;

	/** The most locations a request may supply for hotspots or a scan. */
	public static final int MAX_SUPPLIED_LOCATIONS = 100_000;

	/** The most places a space-time scan may run over. */
	public static final int MAX_SCAN_LOCATIONS = 2_000;

	/** The most clusters a scan returns (SaTScan ranks at most 500). */
	public static final int MAX_CLUSTERS = 500;

	private final GeographyManagement geography;

	private final ObservationRepository observations;

	private final Clock clock;

	private final AnalyticsExecutor executor;

	private final Heatmaps heatmaps;

	AnalyticsManagement(GeographyManagement geography, ObservationRepository observations, Clock clock,
			AnalyticsExecutor executor, Heatmaps heatmaps) {
		this.geography = geography;
		this.observations = observations;
		this.clock = clock;
		this.executor = executor;
		this.heatmaps = heatmaps;
	}

	// ---- Observations for the spike detector

	/**
	 * Records an event for the spike detector, once per source and source id (recording
	 * it again changes nothing).
	 * @return whether it was new
	 */
	@Transactional
	public boolean observe(Observation observation) {
		var areas = geography.lookup(observation.lat(), observation.lon());
		return observations.insert(observation, areas.map(a -> a.lad().code()).orElse(null),
				areas.map(a -> a.ward() == null ? null : a.ward().code()).orElse(null),
				areas.map(a -> a.lsoa() == null ? null : a.lsoa().code()).orElse(null), clock.instant());
	}

	/**
	 * Records many events for the spike detector at once, as
	 * {@link #observe(Observation)} does each (for imports: one copy a few thousand).
	 * @return how many were new
	 */
	@Transactional
	public int observeAll(List<Observation> batch) {
		return observer().observeAll(batch);
	}

	/**
	 * Something that records many batches of events for one piece of work (an import of a
	 * million rows), each as {@link #observeAll} does, and looks each distinct point up
	 * in the region's areas once for all of them, not once per batch. It keeps the areas
	 * it found while it is used: take a new one for each piece of work.
	 */
	public Observer observer() {
		return new Observer(geography, observations, clock);
	}

	/** The spikes found most recently, newest first. */
	@Transactional(readOnly = true)
	public List<SpikeDetected> recentSpikes(int limit) {
		return observations.recentSpikes(Math.max(1, Math.min(limit, 500)));
	}

	// ---- Hotspots

	/**
	 * Getis-Ord Gi* for every area of a level (or of one local authority), with the
	 * chosen neighbourhoods.
	 */
	public HotspotMap hotspots(HotspotQuery query) {
		return executor
			.run(() -> query.locations() != null ? suppliedHotspots(query, query.locations()) : areaHotspots(query));
	}

	private HotspotMap areaHotspots(HotspotQuery query) {
		var areas = query.ladCode() == null ? geography.areas(query.level())
				: geography.areas(query.level(), query.ladCode());
		if (areas.isEmpty()) {
			throw new AnalyticsRequestException("ladCode", "There is no local authority " + query.ladCode() + ".");
		}
		if (areas.size() < 3) {
			throw new AnalyticsRequestException("level",
					"Hotspots need at least 3 areas; this selection has " + areas.size() + ". Choose a finer level.");
		}
		var index = new HashMap<String, Integer>();
		for (int i = 0; i < areas.size(); i++) {
			index.put(areas.get(i).code(), i);
		}
		double[] values = new double[areas.size()];
		for (var entry : query.values().entrySet()) {
			var i = index.get(entry.getKey());
			if (i == null) {
				throw new AnalyticsRequestException("values",
						"The area " + entry.getKey() + " is not a " + query.level().urlName()
								+ (query.ladCode() == null ? " of the region" : " of " + query.ladCode()) + ".");
			}
			var value = entry.getValue();
			if (value == null || !Double.isFinite(value)) {
				throw new AnalyticsRequestException("values", "The value for " + entry.getKey() + " is not a number.");
			}
			values[i] = value;
		}
		checkSignificance(query);
		var weights = weights(query, areas, index);
		var permutations = query.permutations() > 0 ? Permutations.conditional(query.permutations(), 20240101L) : null;
		var result = GetisOrdGiStar.compute(values, weights, permutations);
		var q = result.qValues(query.significance());
		var classes = result.classify(query.alpha(), query.significance());
		var rows = new ArrayList<AreaHotspot>(areas.size());
		for (int i = 0; i < areas.size(); i++) {
			rows.add(new AreaHotspot(areas.get(i).code(), areas.get(i).name(), values[i], result.z(i), result.pValue(i),
					q[i], classes[i], result.neighbourhoodSize(i)));
		}
		return new HotspotMap(query.level(), query.significance(), query.alpha(), List.copyOf(rows));
	}

	/** Gi* over the locations the request supplies, neighbours by distance. */
	private HotspotMap suppliedHotspots(HotspotQuery query, List<SuppliedLocation> locations) {
		if (locations.size() < 3) {
			throw new AnalyticsRequestException("locations",
					"Hotspots need at least 3 locations; there are " + locations.size() + ".");
		}
		if (query.weights() == HotspotQuery.Weights.CONTIGUITY) {
			throw new AnalyticsRequestException("weights",
					"Supplied locations have no boundaries: use K_NEAREST or DISTANCE_BAND neighbourhoods.");
		}
		var index = suppliedIndex(locations);
		double[] values = new double[locations.size()];
		for (var entry : query.values().entrySet()) {
			var i = index.get(entry.getKey());
			if (i == null) {
				throw new AnalyticsRequestException("values",
						"The value for " + entry.getKey() + " names no supplied location.");
			}
			var value = entry.getValue();
			if (value == null || !Double.isFinite(value)) {
				throw new AnalyticsRequestException("values", "The value for " + entry.getKey() + " is not a number.");
			}
			values[i] = value;
		}
		checkSignificance(query);
		var xy = projected(locations);
		var weights = distanceWeights(query, xy[0], xy[1]);
		var permutations = query.permutations() > 0 ? Permutations.conditional(query.permutations(), 20240101L) : null;
		var result = GetisOrdGiStar.compute(values, weights, permutations);
		var q = result.qValues(query.significance());
		var classes = result.classify(query.alpha(), query.significance());
		var rows = new ArrayList<AreaHotspot>(locations.size());
		for (int i = 0; i < locations.size(); i++) {
			var id = locations.get(i).id();
			rows.add(new AreaHotspot(id, id, values[i], result.z(i), result.pValue(i), q[i], classes[i],
					result.neighbourhoodSize(i)));
		}
		return new HotspotMap(query.level(), query.significance(), query.alpha(), List.copyOf(rows));
	}

	/**
	 * Positions of supplied locations by id, after checking that ids are unique and
	 * coordinates real.
	 */
	private static Map<String, Integer> suppliedIndex(List<SuppliedLocation> locations) {
		if (locations.size() > MAX_SUPPLIED_LOCATIONS) {
			throw new AnalyticsRequestException("locations",
					"At most " + MAX_SUPPLIED_LOCATIONS + " locations per request.");
		}
		var index = new HashMap<String, Integer>();
		for (int i = 0; i < locations.size(); i++) {
			var location = locations.get(i);
			if (location.id() == null || location.id().isBlank()) {
				throw new AnalyticsRequestException("locations[" + i + "].id", "Every location needs an id.");
			}
			if (!(location.lat() >= -90 && location.lat() <= 90 && location.lon() >= -180 && location.lon() <= 180)) {
				throw new AnalyticsRequestException("locations[" + i + "]",
						"Latitude must be from -90 to 90 and longitude from -180 to 180.");
			}
			if (index.put(location.id(), i) != null) {
				throw new AnalyticsRequestException("locations[" + i + "].id",
						"The id " + location.id() + " is given twice.");
			}
		}
		return index;
	}

	/**
	 * Supplied locations in metres about their own centre (they need not lie in the
	 * region).
	 */
	private static double[][] projected(List<SuppliedLocation> locations) {
		double south = Double.POSITIVE_INFINITY;
		double north = Double.NEGATIVE_INFINITY;
		double west = Double.POSITIVE_INFINITY;
		double east = Double.NEGATIVE_INFINITY;
		for (var location : locations) {
			south = Math.min(south, location.lat());
			north = Math.max(north, location.lat());
			west = Math.min(west, location.lon());
			east = Math.max(east, location.lon());
		}
		var projection = new LocalProjection((south + north) / 2, (west + east) / 2);
		double[] x = new double[locations.size()];
		double[] y = new double[locations.size()];
		for (int i = 0; i < locations.size(); i++) {
			x[i] = projection.x(locations.get(i).lon());
			y[i] = projection.y(locations.get(i).lat());
		}
		return new double[][] { x, y };
	}

	private static void checkSignificance(HotspotQuery query) {
		if (!(query.alpha() > 0 && query.alpha() < 1)) {
			throw new AnalyticsRequestException("alpha", "alpha must lie strictly between 0 and 1.");
		}
		if (query.permutations() < 0 || query.permutations() > MAX_PERMUTATIONS) {
			throw new AnalyticsRequestException("permutations",
					"permutations must be between 0 and " + MAX_PERMUTATIONS + ".");
		}
		boolean needsPermutations = query.significance() == Significance.PERMUTATION
				|| query.significance() == Significance.PERMUTATION_FDR;
		if (needsPermutations && query.permutations() < 99) {
			throw new AnalyticsRequestException("permutations",
					"Permutation p-values need at least 99 permutations (999 is usual).");
		}
	}

	private SpatialWeights weights(HotspotQuery query, List<Area> areas, Map<String, Integer> index) {
		return switch (query.weights()) {
			case CONTIGUITY -> {
				var from = new ArrayList<Integer>();
				var to = new ArrayList<Integer>();
				for (int i = 0; i < areas.size(); i++) {
					for (var neighbour : geography.neighbours(areas.get(i).code())) {
						var j = index.get(neighbour);
						if (j != null) {
							from.add(i);
							to.add(j);
						}
					}
				}
				yield SpatialWeights.fromEdges(areas.size(), from.stream().mapToInt(Integer::intValue).toArray(),
						to.stream().mapToInt(Integer::intValue).toArray());
			}
			case K_NEAREST, DISTANCE_BAND -> {
				var xy = centroids(areas);
				yield distanceWeights(query, xy[0], xy[1]);
			}
		};
	}

	private static SpatialWeights distanceWeights(HotspotQuery query, double[] x, double[] y) {
		if (query.weights() == HotspotQuery.Weights.K_NEAREST) {
			if (query.k() < 1 || query.k() >= x.length) {
				throw new AnalyticsRequestException("k", "k must be between 1 and " + (x.length - 1) + ".");
			}
			return SpatialWeights.kNearest(x, y, query.k());
		}
		if (!(query.distanceMetres() > 0) || !Double.isFinite(query.distanceMetres())) {
			throw new AnalyticsRequestException("distanceMetres", "The distance band must be above 0 metres.");
		}
		return SpatialWeights.distanceBand(x, y, query.distanceMetres());
	}

	private double[][] centroids(List<Area> areas) {
		var projection = projection();
		double[] x = new double[areas.size()];
		double[] y = new double[areas.size()];
		for (int i = 0; i < areas.size(); i++) {
			x[i] = projection.x(areas.get(i).centroid().lon());
			y[i] = projection.y(areas.get(i).centroid().lat());
		}
		return new double[][] { x, y };
	}

	// ---- Heatmaps

	/** Smooths points into events per square kilometre on a grid of square cells. */
	public Heatmap heatmap(HeatmapQuery query) {
		return executor.run(() -> heatmaps.compute(query));
	}

	// ---- Alarms

	/**
	 * Runs a temporal detector over consecutive daily counts starting on
	 * {@code firstDay}.
	 */
	public List<AlarmDay> alarms(LocalDate firstDay, double[] counts, AlarmMethod method) {
		return alarms(firstDay, counts, method, FarringtonSettings.weeklyNoufaily());
	}

	/**
	 * The same, with the Farrington variant and parameters to use when the method is
	 * {@link AlarmMethod#FARRINGTON}.
	 */
	public List<AlarmDay> alarms(LocalDate firstDay, double[] counts, AlarmMethod method,
			FarringtonSettings farrington) {
		if (counts.length > MAX_POINTS) {
			throw new AnalyticsRequestException("counts", "At most " + MAX_POINTS + " days of counts.");
		}
		for (int i = 0; i < counts.length; i++) {
			if (!(counts[i] >= 0) || !Double.isFinite(counts[i])) {
				throw new AnalyticsRequestException("counts[" + i + "]", "Counts must be numbers of 0 or more.");
			}
		}
		return executor.run(() -> AlarmSeries.detect(firstDay, counts, method, farrington));
	}

	// ---- Space-time scan

	/**
	 * Kulldorff's space-time permutation scan over cases per area and day; clusters most
	 * likely first.
	 */
	public List<ScanCluster> scan(ScanQuery query) {
		return executor.run(() -> computeScan(query));
	}

	private List<ScanCluster> computeScan(ScanQuery query) {
		if (query.cases().isEmpty()) {
			throw new AnalyticsRequestException("cases", "Give at least one area and day with cases.");
		}
		if (query.cases().size() > MAX_POINTS) {
			throw new AnalyticsRequestException("cases", "At most " + MAX_POINTS + " rows per scan.");
		}
		if (query.replications() < 0 || query.replications() > MAX_PERMUTATIONS) {
			throw new AnalyticsRequestException("replications",
					"replications must be between 0 and " + MAX_PERMUTATIONS + " (999 is usual).");
		}
		if (query.maxDays() < 1) {
			throw new AnalyticsRequestException("maxDays", "maxDays must be at least 1.");
		}
		if (!(query.maxShareOfLocations() > 0 && query.maxShareOfLocations() <= 1)) {
			throw new AnalyticsRequestException("maxShareOfLocations", "maxShareOfLocations must be in (0, 1].");
		}
		if (!(query.maxShareOfCases() > 0 && query.maxShareOfCases() <= 1)) {
			throw new AnalyticsRequestException("maxShareOfCases", "maxShareOfCases must be in (0, 1].");
		}
		if (Math.min(query.maxShareOfLocations(), query.maxShareOfCases()) > 0.5) {
			throw new AnalyticsRequestException("maxShareOfCases",
					"A cluster may hold at most half the places or half the cases: set maxShareOfLocations or "
							+ "maxShareOfCases to 0.5 or less.");
		}
		if (query.maxClusters() < 1 || query.maxClusters() > MAX_CLUSTERS) {
			throw new AnalyticsRequestException("maxClusters",
					"maxClusters must be between 1 and " + MAX_CLUSTERS + ".");
		}
		List<String> codes;
		Map<String, String> names = new HashMap<>();
		double[][] xy;
		if (query.locations() != null) {
			suppliedIndex(query.locations());
			codes = query.locations().stream().map(SuppliedLocation::id).toList();
			codes.forEach(code -> names.put(code, code));
			xy = projected(query.locations());
		}
		else {
			if (query.level() == null) {
				throw new AnalyticsRequestException("level", "Give the level of the areas, or the locations.");
			}
			var areas = geography.areas(query.level());
			codes = areas.stream().map(Area::code).toList();
			areas.forEach(area -> names.put(area.code(), area.name()));
			xy = centroids(areas);
		}
		if (codes.size() > MAX_SCAN_LOCATIONS) {
			throw new AnalyticsRequestException("locations", "A scan runs over at most " + MAX_SCAN_LOCATIONS
					+ " places; there are " + codes.size() + ". Choose a coarser level.");
		}
		var index = new HashMap<String, Integer>();
		for (int i = 0; i < codes.size(); i++) {
			index.put(codes.get(i), i);
		}
		var first = query.cases().stream().map(ScanQuery.AreaDayCount::day).min(LocalDate::compareTo).orElseThrow();
		var last = query.cases().stream().map(ScanQuery.AreaDayCount::day).max(LocalDate::compareTo).orElseThrow();
		long span = last.toEpochDay() - first.toEpochDay() + 1;
		if (span > 3 * 366) {
			throw new AnalyticsRequestException("cases", "The cases span " + span + " days; at most 3 years per scan.");
		}
		int[][] counts = new int[codes.size()][(int) span];
		long total = 0;
		for (int r = 0; r < query.cases().size(); r++) {
			var row = query.cases().get(r);
			var i = index.get(row.area());
			if (i == null) {
				throw new AnalyticsRequestException("cases[" + r + "].area", query.locations() != null
						? "The place " + row.area() + " is not among the locations."
						: "The area " + row.area() + " is not a " + query.level().urlName() + " of the region.");
			}
			if (row.count() < 0) {
				throw new AnalyticsRequestException("cases[" + r + "].count", "Counts must be 0 or more.");
			}
			total += row.count();
			if (total > (1 << 26)) {
				throw new AnalyticsRequestException("cases", "At most " + (1 << 26) + " cases in all per scan.");
			}
			counts[i][(int) (row.day().toEpochDay() - first.toEpochDay())] += row.count();
		}
		var data = SpaceTimeCases.of(codes, xy[0], xy[1], first, counts);
		var options = ScanOptions.retrospective()
			.withProspective(query.prospective())
			.withMaxDays(query.maxDays())
			.withMaxShareOfLocations(query.maxShareOfLocations())
			.withMaxShareOfCases(query.maxShareOfCases())
			.withMaxClusters(query.maxClusters())
			.withSecondaryClusters(query.secondaryClusters())
			.withReportPValueOne(query.reportPValueOne())
			.withReplications(query.replications())
			.withSeed(query.seed());
		return SpaceTimePermutationScan.scan(data, options)
			.clusters()
			.stream()
			.map(c -> new ScanCluster(c.rank(), c.centre(), names.get(c.centre()), c.locations(), c.radius(), c.start(),
					c.end(), c.observed(), c.expected(), c.logLikelihoodRatio(), c.pValue()))
			.toList();
	}

	private LocalProjection projection() {
		var bounds = geography.bounds().orElse(new Bounds(52.5, -1.9, 52.5, -1.9));
		return new LocalProjection((bounds.south() + bounds.north()) / 2, (bounds.west() + bounds.east()) / 2);
	}

}
