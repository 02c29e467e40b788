package org.harmwatch.consumptionrooms;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.HeatmapQuery;
import org.harmwatch.analytics.HotspotQuery;
import org.harmwatch.analytics.WeightedPoint;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.hotspot.HotspotClass;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsAudit;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy;
import org.harmwatch.consumptionrooms.internal.NeedleMapRepository;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps of needle finds: for council staff and the commissioner's analysts, finds by year,
 * a density heatmap and Gi* hotspots per LSOA from the analytics engine; for the public,
 * finds per ward with counts under {@value #SUPPRESS_UNDER} withheld and no point, no
 * heatmap and no total, so that no home can be picked out.
 */
@Service
public class NeedleMaps {

	/** Counts under this are withheld from the public. */
	public static final int SUPPRESS_UNDER = 5;

	/** The first year a map covers. */
	public static final int FIRST_YEAR = 2000;

	/** The heatmap's bandwidth over one district, in metres. */
	static final double DISTRICT_BANDWIDTH = 500;

	/** The heatmap's cell over one district, in metres. */
	static final double DISTRICT_CELL = 250;

	/** The heatmap's bandwidth over the whole region, in metres. */
	static final double REGION_BANDWIDTH = 1500;

	/** The heatmap's cell over the whole region, in metres. */
	static final double REGION_CELL = 750;

	/** Nearest LSOAs in each Gi* neighbourhood. */
	static final int NEIGHBOURS = 8;

	private final NeedleMapRepository finds;

	private final AnalyticsManagement analytics;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	NeedleMaps(NeedleMapRepository finds, AnalyticsManagement analytics, GeographyManagement geography, AuditLog audit,
			Clock clock, RegionSettings region) {
		this.finds = finds;
		this.analytics = analytics;
		this.geography = geography;
		this.audit = audit;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/** Finds in one calendar year. */
	public record YearCount(int year, long finds) {
	}

	/** One heatmap cell with finds near it: its box and finds per square kilometre. */
	public record Cell(double south, double west, double north, double east, double perKm2) {
	}

	/**
	 * One LSOA's Gi* result.
	 *
	 * @param finds finds in it in the year
	 * @param z the Gi* z-score
	 */
	public record Hotspot(String code, String name, long finds, double z, HotspotClass hotspot) {
	}

	/**
	 * The staff map of a year.
	 *
	 * @param ladCode the district shown, or {@code null} for the region
	 * @param byYear finds per year, every year from the first with a find to this one
	 * @param finds finds in the year shown
	 * @param cells heatmap cells above a hundredth of the highest, for drawing
	 * @param maxPerKm2 the highest density
	 * @param hot LSOAs that are significant hotspots, highest z first
	 * @param cold LSOAs that are significant cold spots, lowest z first
	 * @param hotspotsTested whether Gi* could be run (at least 3 LSOAs)
	 */
	public record StaffMap(int year, @Nullable String ladCode, List<YearCount> byYear, long finds, List<Cell> cells,
			double maxPerKm2, List<Hotspot> hot, List<Hotspot> cold, boolean hotspotsTested) {
	}

	/**
	 * One ward on the public map.
	 *
	 * @param finds finds in it, or {@code null} when under {@value #SUPPRESS_UNDER}
	 */
	public record PublicArea(String code, String name, @Nullable String ladName, @Nullable Long finds) {

		/** Whether the count is withheld. */
		public boolean withheld() {
			return finds == null;
		}

	}

	/**
	 * The public map of a year: every ward of the region, so that a ward left out says
	 * nothing.
	 *
	 * @param years the years one may choose, newest first
	 * @param vintage the ward boundaries' edition
	 */
	public record PublicMap(int year, List<Integer> years, String vintage, List<PublicArea> areas) {
	}

	/** This year in the region. */
	public int thisYear() {
		return LocalDate.now(clock.withZone(zone)).getYear();
	}

	/** The districts of the region, for choosing one. */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD);
	}

	/**
	 * The box a map of one district (or, for {@code null}, the region) starts on, as
	 * "south,west,north,east".
	 */
	public String bounds(@Nullable String ladCode) {
		var lsoas = ladCode == null ? List.<Area>of() : geography.areas(AreaLevel.LSOA, ladCode);
		var box = !lsoas.isEmpty() ? boundsOf(lsoas)
				: geography.bounds().orElseGet(() -> boundsOf(geography.areas(AreaLevel.LSOA)));
		return box.south() + "," + box.west() + "," + box.north() + "," + box.east();
	}

	/**
	 * The staff map of finds in a year, over one district or the region (audited).
	 * @throws AccessDeniedException when the reader may not see it (audited)
	 * @throws InputRejectedException when the year or district is not one the map covers
	 */
	@Transactional(readOnly = true)
	public StaffMap staffMap(int year, @Nullable String ladCode, HarmwatchUser reader) {
		if (!ConsumptionRoomsPolicy.readsNeedleMaps(reader)) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_MAPS_VIEWED, "needle-map", null, null, AuditLog.Outcome.DENIED,
					"needs programme or consumption-rooms read for public health intelligence");
			throw new AccessDeniedException("No needle maps");
		}
		checkYear(year);
		Bounds bounds;
		if (ladCode != null) {
			var district = geography.area(ladCode).filter(a -> a.level() == AreaLevel.LAD);
			if (district.isEmpty()) {
				throw new InputRejectedException(FieldProblem.of("lad", "consumptionrooms.maps.lad.unknown"));
			}
			bounds = boundsOf(geography.areas(AreaLevel.LSOA, ladCode));
		}
		else {
			bounds = geography.bounds().orElseGet(() -> boundsOf(geography.areas(AreaLevel.LSOA)));
		}
		var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		var until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		var rows = finds.finds(ladCode, from, until);
		var byYear = new ArrayList<YearCount>();
		var perYear = finds.findsPerYear(ladCode, zone);
		int first = perYear.keySet().stream().mapToInt(Integer::intValue).min().orElse(year);
		for (int y = Math.min(first, year); y <= Math.max(year, thisYear()); y++) {
			byYear.add(new YearCount(y, perYear.getOrDefault(y, 0L)));
		}
		var cells = new ArrayList<Cell>();
		double max = 0;
		if (!rows.isEmpty()) {
			var points = rows.stream().map(f -> new WeightedPoint(f.lat(), f.lon(), 1)).toList();
			var heatmap = analytics.heatmap(
					new HeatmapQuery(points, Kernel.QUARTIC, ladCode == null ? REGION_BANDWIDTH : DISTRICT_BANDWIDTH,
							ladCode == null ? REGION_CELL : DISTRICT_CELL, bounds));
			max = heatmap.max();
			var b = heatmap.bounds();
			double dLat = (b.north() - b.south()) / heatmap.rows();
			double dLon = (b.east() - b.west()) / heatmap.columns();
			for (int row = 0; row < heatmap.rows(); row++) {
				for (int column = 0; column < heatmap.columns(); column++) {
					double value = heatmap.perKm2()[row * heatmap.columns() + column];
					if (value > max / 100 && value > 0) {
						cells.add(new Cell(b.south() + row * dLat, b.west() + column * dLon,
								b.south() + (row + 1) * dLat, b.west() + (column + 1) * dLon, value));
					}
				}
			}
		}
		var perLsoa = new HashMap<String, Double>();
		rows.forEach(f -> {
			if (f.lsoaCode() != null) {
				perLsoa.merge(f.lsoaCode(), 1.0, Double::sum);
			}
		});
		var hot = new ArrayList<Hotspot>();
		var cold = new ArrayList<Hotspot>();
		boolean tested = false;
		try {
			var map = analytics.hotspots(new HotspotQuery(AreaLevel.LSOA, ladCode, perLsoa,
					HotspotQuery.Weights.K_NEAREST, NEIGHBOURS, 0, 0, 0.05, Significance.NORMAL_FDR));
			tested = true;
			for (var area : map.areas()) {
				var hotspot = new Hotspot(area.code(), area.name(), Math.round(area.value()), area.z(), area.hotspot());
				if (area.hotspot() == HotspotClass.HOT) {
					hot.add(hotspot);
				}
				else if (area.hotspot() == HotspotClass.COLD) {
					cold.add(hotspot);
				}
			}
		}
		catch (AnalyticsRequestException ex) {
			// Fewer than 3 LSOAs: no hotspots to test; the page says so.
		}
		hot.sort(Comparator.comparingDouble(Hotspot::z).reversed().thenComparing(Hotspot::code));
		cold.sort(Comparator.comparingDouble(Hotspot::z).thenComparing(Hotspot::code));
		audit.record(ConsumptionRoomsAudit.NEEDLE_MAPS_VIEWED, "needle-map", ladCode,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, year + ": " + rows.size() + " finds");
		return new StaffMap(year, ladCode, byYear, rows.size(), cells, max, hot, cold, tested);
	}

	/**
	 * The public map of finds in a year: every ward of the region with its count, counts
	 * under {@value #SUPPRESS_UNDER} withheld (zero among them); no point, no total.
	 * @throws InputRejectedException when the year is not one the map covers
	 */
	@Transactional(readOnly = true)
	public PublicMap publicMap(int year) {
		checkYear(year);
		var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		var until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		var wardOfLsoa = new HashMap<String, String>();
		for (var lsoa : geography.areas(AreaLevel.LSOA)) {
			if (lsoa.wardCode() != null) {
				wardOfLsoa.put(lsoa.code(), lsoa.wardCode());
			}
		}
		Map<String, Long> perWard = new HashMap<>();
		for (var find : finds.finds(null, from, until)) {
			var ward = find.lsoaCode() == null ? null : wardOfLsoa.get(find.lsoaCode());
			if (ward != null) {
				perWard.merge(ward, 1L, Long::sum);
			}
		}
		var areas = new ArrayList<PublicArea>();
		for (var ward : geography.areas(AreaLevel.WARD)) {
			long count = perWard.getOrDefault(ward.code(), 0L);
			areas.add(new PublicArea(ward.code(), ward.name(), ward.ladName(), count < SUPPRESS_UNDER ? null : count));
		}
		areas.sort(Comparator.comparing((PublicArea a) -> a.ladName() == null ? "" : a.ladName())
			.thenComparing(PublicArea::name)
			.thenComparing(PublicArea::code));
		var years = new ArrayList<Integer>();
		for (int y = thisYear(); y >= Math.max(FIRST_YEAR, thisYear() - 9); y--) {
			years.add(y);
		}
		return new PublicMap(year, years, geography.vintage(AreaLevel.WARD), areas);
	}

	private void checkYear(int year) {
		if (year < FIRST_YEAR || year > thisYear()) {
			throw new InputRejectedException(
					FieldProblem.of("year", "consumptionrooms.maps.year.range", FIRST_YEAR, thisYear()));
		}
	}

	private static Bounds boundsOf(List<Area> areas) {
		double south = 90;
		double north = -90;
		double west = 180;
		double east = -180;
		for (var area : areas) {
			south = Math.min(south, area.centroid().lat());
			north = Math.max(north, area.centroid().lat());
			west = Math.min(west, area.centroid().lon());
			east = Math.max(east, area.centroid().lon());
		}
		// Centroids lie inside their areas: a margin of about 2 km takes in the edges.
		return new Bounds(south - 0.02, west - 0.03, north + 0.02, east + 0.03);
	}

}
