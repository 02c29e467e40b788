package org.harmwatch.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.harmwatch.analytics.density.GridSpec;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.density.KernelDensity;
import org.harmwatch.analytics.hotspot.GetisOrdGiStar;
import org.harmwatch.analytics.hotspot.Permutations;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.analytics.hotspot.SpatialWeights;
import org.harmwatch.analytics.internal.AnalyticsExecutor;
import org.harmwatch.analytics.internal.AnalyticsLimits;
import org.harmwatch.analytics.internal.LocalProjection;
import org.harmwatch.analytics.internal.ObservationRepository;
import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.scan.SpaceTimeCases;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan;
import org.harmwatch.analytics.temporal.Cusum;
import org.harmwatch.analytics.temporal.Ears;
import org.harmwatch.analytics.temporal.FarringtonFlexible;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
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

	private final AnalyticsLimits limits;

	private final AnalyticsExecutor executor;

	AnalyticsManagement(GeographyManagement geography, ObservationRepository observations, Clock clock,
			AnalyticsLimits limits, AnalyticsExecutor executor) {
		this.geography = geography;
		this.observations = observations;
		this.clock = clock;
		this.limits = limits;
		this.executor = executor;
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
	 * {@link #observe(Observation)} does each (for imports: one statement a few
	 * thousand).
	 * @return how many were new
	 */
	@Transactional
	public int observeAll(List<Observation> batch) {
		var located = new HashMap<String, String[]>();
		var areas = new ArrayList<String[]>(batch.size());
		for (var observation : batch) {
			areas.add(located.computeIfAbsent(observation.lat() + "," + observation.lon(),
					at -> geography.lookup(observation.lat(), observation.lon())
						.map(a -> new String[] { a.lad().code(), a.ward() == null ? null : a.ward().code(),
								a.lsoa() == null ? null : a.lsoa().code() })
						.orElse(new String[3])));
		}
		return observations.insertAll(batch, areas, clock.instant());
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
		return executor.run(() -> computeHeatmap(query));
	}

	private Heatmap computeHeatmap(HeatmapQuery query) {
		if (query.points().size() > MAX_POINTS) {
			throw new AnalyticsRequestException("points", "At most " + MAX_POINTS + " points per heatmap.");
		}
		if (!(query.bandwidthMetres() > 0) || !Double.isFinite(query.bandwidthMetres())) {
			throw new AnalyticsRequestException("bandwidthMetres", "The bandwidth must be above 0 metres.");
		}
		if (!(query.cellMetres() > 0) || !Double.isFinite(query.cellMetres())) {
			throw new AnalyticsRequestException("cellMetres", "The cell size must be above 0 metres.");
		}
		var bounds = query.bounds() != null ? query.bounds() : geography.bounds()
			.orElseThrow(
					() -> new AnalyticsRequestException("bounds", "No region is loaded; give the bounds of the grid."));
		if (!(bounds.north() > bounds.south() && bounds.east() > bounds.west())) {
			throw new AnalyticsRequestException("bounds",
					"The bounds must have north above south and east above west.");
		}
		if (!(bounds.south() >= -90 && bounds.north() <= 90 && bounds.west() >= -180 && bounds.east() <= 180)) {
			throw new AnalyticsRequestException("bounds",
					"The bounds must be latitudes from -90 to 90 and longitudes from -180 to 180.");
		}
		var projection = new LocalProjection((bounds.south() + bounds.north()) / 2,
				(bounds.west() + bounds.east()) / 2);
		double xmin = projection.x(bounds.west());
		double xmax = projection.x(bounds.east());
		double ymin = projection.y(bounds.south());
		double ymax = projection.y(bounds.north());
		double columns = Math.ceil((xmax - xmin) / query.cellMetres());
		double rows = Math.ceil((ymax - ymin) / query.cellMetres());
		if (columns * rows > MAX_HEATMAP_CELLS) {
			throw new AnalyticsRequestException("cellMetres", "That would be " + (long) (columns * rows)
					+ " cells; at most " + MAX_HEATMAP_CELLS + ". Choose larger cells or smaller bounds.");
		}
		var grid = GridSpec.ofCellSize(xmin, xmax, ymin, ymax, query.cellMetres());
		int n = query.points().size();
		long work = heatmapWork(n, grid, query.kernel(), query.bandwidthMetres());
		if (work > limits.maxHeatmapWork()) {
			throw new AnalyticsRequestException("points", String.format(Locale.ENGLISH,
					"This heatmap is too much work: %,d points, each reaching up to %,d cells within the bandwidth, make "
							+ "%,d kernel evaluations; at most %,d are allowed in one request. Use fewer points, larger "
							+ "cells, a smaller bandwidth or smaller bounds.",
					n, n == 0 ? 0 : work / n, work, limits.maxHeatmapWork()));
		}
		double[] x = new double[n];
		double[] y = new double[n];
		double[] w = new double[n];
		for (int i = 0; i < n; i++) {
			var point = query.points().get(i);
			if (!(point.weight() >= 0) || !Double.isFinite(point.weight())) {
				throw new AnalyticsRequestException("points[" + i + "].weight", "A weight must be 0 or more.");
			}
			x[i] = projection.x(point.lon());
			y[i] = projection.y(point.lat());
			w[i] = point.weight();
		}
		var density = KernelDensity.of(query.kernel(), query.bandwidthMetres()).estimate(x, y, w, grid);
		double[] perKm2 = density.intensities();
		double max = 0;
		for (int i = 0; i < perKm2.length; i++) {
			perKm2[i] *= 1_000_000; // per square metre to per square kilometre
			max = Math.max(max, perKm2[i]);
		}
		var extent = new Bounds(projection.lat(grid.ymin()), projection.lon(grid.xmin()), projection.lat(grid.ymax()),
				projection.lon(grid.xmax()));
		return new Heatmap(extent, grid.columns(), grid.rows(), query.cellMetres(), query.kernel(),
				query.bandwidthMetres(), perKm2, max);
	}

	/**
	 * The kernel evaluations a heatmap costs, an upper bound known before any is made:
	 * each point visits the cells of the square around it whose side is twice the
	 * kernel's reach (its bandwidth, or {@link KernelDensity#DEFAULT_GAUSSIAN_TRUNCATION}
	 * bandwidths for the Gaussian), cut to the grid.
	 */
	static long heatmapWork(int points, GridSpec grid, Kernel kernel, double bandwidthMetres) {
		double reach = kernel.isCompact() ? bandwidthMetres
				: KernelDensity.DEFAULT_GAUSSIAN_TRUNCATION * bandwidthMetres;
		long columns = (long) Math.min(grid.columns(), Math.floor(2 * reach / grid.cellWidth()) + 1);
		long rows = (long) Math.min(grid.rows(), Math.floor(2 * reach / grid.cellHeight()) + 1);
		double work = (double) points * columns * rows;
		return work >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) work;
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
		return executor.run(() -> switch (method) {
			case EARS_C1 -> ears(firstDay, counts, Ears.Method.C1);
			case EARS_C2 -> ears(firstDay, counts, Ears.Method.C2);
			case EARS_C3 -> ears(firstDay, counts, Ears.Method.C3);
			case CUSUM -> cusum(firstDay, counts);
			case FARRINGTON -> farrington(firstDay, counts, farrington);
		});
	}

	private static List<AlarmDay> ears(LocalDate firstDay, double[] counts, Ears.Method method) {
		var options = Ears.Options.cdc(method);
		int first = Ears.firstIndex(method, options.baseline());
		if (counts.length <= first) {
			throw new AnalyticsRequestException("counts", "EARS " + method + " needs more than " + first
					+ " days of counts; there are " + counts.length + ".");
		}
		var result = Ears.detect(counts, method, options);
		return days(firstDay, counts, result.statistic(), result.upperBound(), result.alarm());
	}

	private static List<AlarmDay> cusum(LocalDate firstDay, double[] counts) {
		int training = 28;
		if (counts.length <= training) {
			throw new AnalyticsRequestException("counts",
					"CUSUM trains on the first " + training + " days; give more than that.");
		}
		var result = Cusum.detect(counts, Cusum.Options.resetting(training));
		return days(firstDay, counts, result.statistic(), result.upperBound(), result.alarm());
	}

	private static List<AlarmDay> days(LocalDate firstDay, double[] counts, double[] statistic, double[] bound,
			boolean[] alarm) {
		var out = new ArrayList<AlarmDay>(counts.length);
		for (int i = 0; i < counts.length; i++) {
			out.add(new AlarmDay(firstDay.plusDays(i), counts[i], value(statistic, i), value(bound, i),
					i < alarm.length && alarm[i]));
		}
		return out;
	}

	private static double value(double[] values, int i) {
		return i < values.length ? values[i] : Double.NaN;
	}

	/** The most recent days a daily Farrington evaluates: one GLM fit each. */
	static final int MAX_DAILY_FARRINGTON_DAYS = 366;

	private static List<AlarmDay> farrington(LocalDate firstDay, double[] counts, FarringtonSettings settings) {
		FarringtonFlexible.Options options;
		try {
			options = settings.options();
		}
		catch (IllegalArgumentException ex) {
			throw new AnalyticsRequestException("farrington", "Farrington settings: " + ex.getMessage() + ".");
		}
		if (options.b() > 10 || options.w() > 26 || options.noPeriods() > 52 || (options.pastWeeksNotIncluded() != null
				&& (options.pastWeeksNotIncluded() < 0 || options.pastWeeksNotIncluded() > 104))) {
			throw new AnalyticsRequestException("farrington",
					"Farrington settings: b at most 10 years, w at most 26, noPeriods at most 52, "
							+ "pastPeriodsNotIncluded from 0 to 104.");
		}
		return switch (settings.unit()) {
			case WEEK -> weeklyFarrington(firstDay, counts, options);
			case DAY -> dailyFarrington(firstDay, counts, options);
			case MONTH -> throw new AnalyticsRequestException("farrington.unit",
					"Farrington runs on weekly sums (WEEK) or on the days themselves (DAY).");
		};
	}

	private static List<AlarmDay> weeklyFarrington(LocalDate firstDay, double[] counts,
			FarringtonFlexible.Options options) {
		// Weekly counts from Monday; a partial first week is dropped so every week is
		// comparable.
		var monday = firstDay.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		int offset = (int) (monday.toEpochDay() - firstDay.toEpochDay());
		int weeks = Math.max(0, (counts.length - offset) / 7);
		int first = FarringtonFlexible.firstEvaluable(FarringtonFlexible.Unit.WEEK, options);
		if (weeks <= first) {
			throw new AnalyticsRequestException("counts", "Farrington with b = " + options.b() + " needs more than "
					+ first + " whole weeks (" + options.b() + " years of history); there are " + weeks + ".");
		}
		var starts = new ArrayList<LocalDate>(weeks);
		double[] weekly = new double[weeks];
		for (int k = 0; k < weeks; k++) {
			starts.add(monday.plusWeeks(k));
			for (int d = 0; d < 7; d++) {
				weekly[k] += counts[offset + 7 * k + d];
			}
		}
		return periods(starts, weekly,
				FarringtonFlexible.detect(starts, weekly, FarringtonFlexible.Unit.WEEK, options));
	}

	private static List<AlarmDay> dailyFarrington(LocalDate firstDay, double[] counts,
			FarringtonFlexible.Options options) {
		int first = FarringtonFlexible.firstEvaluable(FarringtonFlexible.Unit.DAY, options);
		if (counts.length <= first) {
			throw new AnalyticsRequestException("counts", "Daily Farrington with b = " + options.b()
					+ " needs more than " + first + " days of counts; there are " + counts.length + ".");
		}
		var starts = new ArrayList<LocalDate>(counts.length);
		for (int d = 0; d < counts.length; d++) {
			starts.add(firstDay.plusDays(d));
		}
		int from = Math.max(first, counts.length - MAX_DAILY_FARRINGTON_DAYS);
		return periods(starts, counts,
				FarringtonFlexible.detect(starts, counts, FarringtonFlexible.Unit.DAY, options, from, counts.length));
	}

	private static List<AlarmDay> periods(List<LocalDate> starts, double[] observed,
			List<FarringtonFlexible.Period> detected) {
		var byIndex = new TreeMap<Integer, FarringtonFlexible.Period>();
		detected.forEach(period -> byIndex.put(period.index(), period));
		var out = new ArrayList<AlarmDay>(observed.length);
		for (int k = 0; k < observed.length; k++) {
			var period = byIndex.get(k);
			out.add(period == null ? new AlarmDay(starts.get(k), observed[k], Double.NaN, Double.NaN, false)
					: new AlarmDay(starts.get(k), observed[k], period.score(), period.upperBound(), period.alarm()));
		}
		return out;
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
