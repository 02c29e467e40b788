package org.harmwatch.analytics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.harmwatch.analytics.AlarmDay;
import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.AnalyticsBusyException;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.FarringtonSettings;
import org.harmwatch.analytics.HeatmapQuery;
import org.harmwatch.analytics.HotspotQuery;
import org.harmwatch.analytics.ScanCluster;
import org.harmwatch.analytics.ScanQuery;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.analytics.SuppliedLocation;
import org.harmwatch.analytics.WeightedPoint;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.temporal.FarringtonFlexible;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics engine over HTTP, for map pages and partner systems: hotspots, heatmaps,
 * alarms, clusters and the spikes the detector found.
 *
 * <p>
 * Callers send counts or points and get aggregates back; nothing they send is stored.
 * Holders of ANALYTICS:READ (early-warning coordinators, programme analysts) may call it.
 * Numbers that are undefined (a z-score with no variation, a statistic before enough
 * history) are {@code null}.
 */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics", description = "Hotspots, heatmaps, temporal alarms and space-time clusters")
@Requires(capability = Capability.ANALYTICS, action = Action.READ)
class AnalyticsApiController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final AnalyticsManagement analytics;

	private final GeographyManagement geography;

	AnalyticsApiController(AnalyticsManagement analytics, GeographyManagement geography) {
		this.analytics = analytics;
		this.geography = geography;
	}

	record LocationRequest(@NotBlank @Size(max = 100) String id,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

		SuppliedLocation location() {
			return new SuppliedLocation(this.id, this.lat, this.lon);
		}

	}

	record HotspotRequest(@Nullable String level, @Nullable String lad, @NotNull Map<String, Double> values,
			HotspotQuery.@Nullable Weights weights, @Nullable @Min(1) Integer k,
			@Nullable @Positive Double distanceMetres, @Nullable @PositiveOrZero @Max(9999) Integer permutations,
			@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1",
					inclusive = false) Double alpha,
			@Nullable Significance significance, @Nullable List<@Valid @NotNull LocationRequest> locations) {
	}

	record Feature(String type, @JsonRawValue String geometry, Map<String, @Nullable Object> properties) {
	}

	record FeatureCollection(String type, Map<String, Object> summary, List<Feature> features) {
	}

	@PostMapping(path = "/hotspots", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Getis-Ord Gi* hotspots over the region's areas, as GeoJSON with z, p, q and hot/cold class",
			description = "Neighbourhoods by contiguity (default), k nearest or distance band; significance by normal "
					+ "p-values with Benjamini-Hochberg FDR control (default) or by conditional permutations. With "
					+ "`locations` (id, lat, lon) the hotspots are over those places instead of the region's areas "
					+ "(values keyed by id, k nearest by default, point geometries).")
	ResponseEntity<FeatureCollection> hotspots(@Valid @RequestBody HotspotRequest request) {
		var supplied = request.locations() == null ? null
				: request.locations().stream().map(LocationRequest::location).toList();
		var level = supplied != null && request.level() == null ? AreaLevel.LSOA : level(request.level());
		var defaultWeights = supplied != null ? HotspotQuery.Weights.K_NEAREST : HotspotQuery.Weights.CONTIGUITY;
		var query = new HotspotQuery(level, request.lad(), request.values(),
				request.weights() == null ? defaultWeights : request.weights(), request.k() == null ? 8 : request.k(),
				request.distanceMetres() == null ? 0 : request.distanceMetres(),
				request.permutations() == null ? 0 : request.permutations(),
				request.alpha() == null ? 0.05 : request.alpha(),
				request.significance() == null ? Significance.NORMAL_FDR : request.significance(), supplied);
		var map = analytics.hotspots(query);
		var points = new HashMap<String, SuppliedLocation>();
		if (supplied != null) {
			supplied.forEach(location -> points.put(location.id(), location));
		}
		var writer = new GeoJsonWriter(7);
		writer.setEncodeCRS(false);
		var features = new ArrayList<Feature>(map.areas().size());
		for (var area : map.areas()) {
			var properties = new LinkedHashMap<String, @Nullable Object>();
			properties.put("code", area.code());
			properties.put("name", area.name());
			properties.put("value", area.value());
			properties.put("z", finite(area.z()));
			properties.put("p", finite(area.p()));
			properties.put("q", finite(area.q()));
			properties.put("class", area.hotspot().name());
			properties.put("neighbourhoodSize", area.neighbourhoodSize());
			var point = points.get(area.code());
			var geometry = point != null ? String.format(Locale.ROOT,
					"{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", point.lon(), point.lat())
					: geography.boundary(area.code()).map(writer::write).orElse("null");
			features.add(new Feature("Feature", geometry, properties));
		}
		var summary = Map.<String, Object>of("level", supplied != null ? "supplied" : level.urlName(), "significance",
				map.significance().name(), "alpha", map.alpha(), "hot",
				map.count(org.harmwatch.analytics.hotspot.HotspotClass.HOT), "cold",
				map.count(org.harmwatch.analytics.hotspot.HotspotClass.COLD), "areas", map.areas().size());
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.body(new FeatureCollection("FeatureCollection", summary, features));
	}

	record PointRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @Nullable @PositiveOrZero Double weight) {
	}

	record HeatmapRequest(@NotNull List<@Valid @NotNull PointRequest> points, @Nullable Kernel kernel,
			@NotNull @Positive Double bandwidthMetres, @NotNull @Positive Double cellMetres, @Nullable Bounds bounds) {
	}

	record HeatmapResponse(Bounds bounds, int columns, int rows, double cellMetres, Kernel kernel,
			double bandwidthMetres, String unit, String order, double max, double[] values) {
	}

	@PostMapping("/heatmap")
	@Operation(summary = "Kernel density heatmap of points, in events per square kilometre on a grid",
			description = "Quartic kernel by default (as QGIS and ArcGIS); values are at cell centres, row-major from "
					+ "the south-west corner.")
	HeatmapResponse heatmap(@Valid @RequestBody HeatmapRequest request) {
		var points = request.points()
			.stream()
			.map(p -> new WeightedPoint(p.lat(), p.lon(), p.weight() == null ? 1 : p.weight()))
			.toList();
		var kernel = request.kernel() == null ? Kernel.QUARTIC : request.kernel();
		var map = analytics.heatmap(
				new HeatmapQuery(points, kernel, request.bandwidthMetres(), request.cellMetres(), request.bounds()));
		return new HeatmapResponse(map.bounds(), map.columns(), map.rows(), map.cellMetres(), map.kernel(),
				map.bandwidthMetres(), "events per km²", "row-major, south-west first", map.max(), map.perKm2());
	}

	record FarringtonRequest(FarringtonSettings.@Nullable Variant variant, FarringtonFlexible.@Nullable Unit unit,
			@Nullable @Min(1) @Max(10) Integer b, @Nullable @Min(0) @Max(26) Integer w,
			FarringtonFlexible.@Nullable ThresholdMethod thresholdMethod,
			FarringtonFlexible.@Nullable PowerTransform powerTransform,
			@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1",
					inclusive = false) Double alpha,
			@Nullable @Min(1) @Max(52) Integer noPeriods, @Nullable @Min(0) @Max(104) Integer pastPeriodsNotIncluded,
			@Nullable Boolean trend, @Nullable Boolean reweight) {

		FarringtonSettings settings() {
			var variant = this.variant == null ? FarringtonSettings.Variant.NOUFAILY : this.variant;
			return new FarringtonSettings(variant, this.unit == null ? FarringtonFlexible.Unit.WEEK : this.unit,
					this.b == null ? 3 : this.b, this.w == null ? 3 : this.w, this.thresholdMethod, this.powerTransform,
					this.alpha == null ? 0.05 : this.alpha, this.noPeriods, this.pastPeriodsNotIncluded,
					this.trend == null || this.trend, this.reweight == null || this.reweight);
		}

	}

	record AlarmRequest(@NotNull LocalDate firstDay, @NotEmpty List<@NotNull Double> counts,
			@Nullable AlarmMethod method, @Nullable @Valid FarringtonRequest farrington) {
	}

	record AlarmRow(LocalDate date, double count, @Nullable Double statistic, @Nullable Double threshold,
			boolean alarm) {
	}

	record AlarmResponse(AlarmMethod method, int alarms, List<AlarmRow> days) {
	}

	@PostMapping("/alarms")
	@Operation(summary = "Temporal aberration detection on consecutive daily counts",
			description = "EARS C1, C2 and C3 with the CDC definitions (C2 by default), a resetting CUSUM, or Farrington "
					+ "flexible: by default Noufaily's improvements on weekly sums with b = 3; `farrington` chooses the "
					+ "variant (ORIGINAL or NOUFAILY), the unit (WEEK or DAY: the last 366 days are evaluated), b, w, "
					+ "the threshold method (DELTA, NB_PLUGIN, MUAN), the power transform, alpha, noPeriods, "
					+ "pastPeriodsNotIncluded, trend and reweighting.")
	AlarmResponse alarms(@Valid @RequestBody AlarmRequest request) {
		var method = request.method() == null ? AlarmMethod.EARS_C2 : request.method();
		double[] counts = request.counts().stream().mapToDouble(Double::doubleValue).toArray();
		var farrington = request.farrington() == null ? FarringtonSettings.weeklyNoufaily()
				: request.farrington().settings();
		List<AlarmDay> days = analytics.alarms(request.firstDay(), counts, method, farrington);
		var rows = days.stream()
			.map(d -> new AlarmRow(d.date(), d.count(), finite(d.statistic()), finite(d.threshold()), d.alarm()))
			.toList();
		return new AlarmResponse(method, (int) days.stream().filter(AlarmDay::alarm).count(), rows);
	}

	record CaseRequest(@NotNull String area, @NotNull LocalDate day, @NotNull @PositiveOrZero Integer count) {
	}

	record ScanRequest(@Nullable String level, @Nullable List<@Valid @NotNull LocationRequest> locations,
			@NotEmpty List<@Valid @NotNull CaseRequest> cases, @Nullable Boolean prospective,
			@Nullable @Min(1) @Max(366) Integer maxDays,
			@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double maxShareOfLocations,
			@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double maxShareOfCases,
			@Nullable @Min(1) @Max(500) Integer maxClusters, ScanOptions.@Nullable SecondaryClusters secondaryClusters,
			@Nullable Boolean reportPValueOne, @Nullable @PositiveOrZero @Max(9999) Integer replications,
			@Nullable Long seed) {
	}

	record ScanResponse(int clusters, List<ScanCluster> results) {
	}

	@PostMapping("/scan")
	@Operation(summary = "Kulldorff's space-time permutation scan over cases per area and day",
			description = "Retrospective by default, or prospective (clusters still going on the last day); 999 "
					+ "replications and clusters up to 30 days and half the areas unless told otherwise. The largest "
					+ "circle is limited by maxShareOfLocations, maxShareOfCases (SaTScan's default for this model; "
					+ "given alone, the places are not limited) or both. Up to maxClusters (10) clusters; secondary "
					+ "clusters as SaTScan 10.2 reports them (NO_OVERLAP_IN_SPACE_AND_TIME) or by the older rule "
					+ "(NO_GEOGRAPHICAL_OVERLAP); clusters with p = 1 only with reportPValueOne. With `locations` "
					+ "(id, lat, lon) the cases name those places instead of the region's areas.")
	ScanResponse scan(@Valid @RequestBody ScanRequest request) {
		var cases = request.cases()
			.stream()
			.map(c -> new ScanQuery.AreaDayCount(c.area(), c.day(), c.count()))
			.toList();
		var supplied = request.locations() == null ? null
				: request.locations().stream().map(LocationRequest::location).toList();
		var level = supplied == null ? level(request.level()) : null;
		double shareOfLocations;
		double shareOfCases;
		if (request.maxShareOfLocations() == null && request.maxShareOfCases() != null) {
			shareOfLocations = 1.0;
			shareOfCases = request.maxShareOfCases();
		}
		else {
			shareOfLocations = request.maxShareOfLocations() == null ? 0.5 : request.maxShareOfLocations();
			shareOfCases = request.maxShareOfCases() == null ? 1.0 : request.maxShareOfCases();
		}
		var clusters = analytics.scan(new ScanQuery(level, supplied, cases, Boolean.TRUE.equals(request.prospective()),
				request.maxDays() == null ? 30 : request.maxDays(), shareOfLocations, shareOfCases,
				request.maxClusters() == null ? 10 : request.maxClusters(),
				request.secondaryClusters() == null ? ScanOptions.SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME
						: request.secondaryClusters(),
				Boolean.TRUE.equals(request.reportPValueOne()),
				request.replications() == null ? 999 : request.replications(),
				request.seed() == null ? 20240101L : request.seed()));
		return new ScanResponse(clusters.size(), clusters);
	}

	record SpikeRow(String id, String category, String method, String areaLevel, String areaCode, String areaName,
			List<String> areaCodes, String windowStart, String windowEnd, long observed, double expected,
			@Nullable Double pValue, String detectedAt) {

		static SpikeRow of(SpikeDetected s) {
			return new SpikeRow(s.id(), s.category(), s.method(), s.areaLevel(), s.areaCode(), s.areaName(),
					s.areaCodes(), s.windowStart().toString(), s.windowEnd().toString(), s.observed(), s.expected(),
					finite(s.pValue()), s.detectedAt().toString());
		}

	}

	@GetMapping("/spikes")
	@Operation(summary = "The spikes the scheduled detector found, newest first")
	List<SpikeRow> spikes(@RequestParam(defaultValue = "50") int limit) {
		return analytics.recentSpikes(limit).stream().map(SpikeRow::of).toList();
	}

	@ExceptionHandler(AnalyticsBusyException.class)
	ResponseEntity<ProblemDetail> busy(AnalyticsBusyException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Busy");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler(AnalyticsRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(AnalyticsRequestException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", String.valueOf(ex.getMessage()))));
		return ResponseEntity.badRequest().body(problem);
	}

	private static AreaLevel level(@Nullable String name) {
		if (name == null) {
			throw new AnalyticsRequestException("level", "Give the level (lad, ward, msoa or lsoa), or the locations.");
		}
		return AreaLevel.fromUrlName(name)
			.orElseThrow(() -> new AnalyticsRequestException("level",
					"Unknown level '" + name + "': use lad, ward, msoa or lsoa."));
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
