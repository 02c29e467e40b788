package org.harmwatch.consumptionrooms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsObservations;
import org.harmwatch.analytics.HeatmapQuery;
import org.harmwatch.analytics.WeightedPoint;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsAudit;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy;
import org.harmwatch.consumptionrooms.internal.NeedleMapRepository;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.Bounds;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consumption room's evaluation around its site, and where a room would serve most:
 * discarded-needle finds and ambulance overdose call-outs (the analytics engine's
 * overdose observations tagged {@value #AMBULANCE_TAG} by the overdose module) in rings
 * around the site, in its opening hours, over equal periods before and after it opened;
 * and LSOAs ranked by needle finds, overdoses (all with a place, or ambulance call-outs
 * only) and deprivation. Counts only, each under {@value RoomManagement#SUPPRESS_UNDER}
 * withheld with whatever is worked out from it.
 */
@Service
public class RoomEvaluation {

	/**
	 * The analytics category the overdose module observes every overdose with a place
	 * under.
	 */
	public static final String OVERDOSE_CATEGORY = "OVERDOSE";

	/**
	 * The tag of an ambulance call-out among the overdose observations: the overdose
	 * module tags each with its incident's source, and this is the ambulance service's
	 * (this module cannot name the overdose module's type, which depends on it).
	 */
	public static final String AMBULANCE_TAG = "AMBULANCE";

	/** The rings' outer edges, in metres. */
	public static final List<Integer> RINGS = List.of(250, 500, 1000);

	/** The longest period compared each side of the opening, in months. */
	public static final int MAX_MONTHS = 36;

	/** The months compared when none are asked for. */
	public static final int DEFAULT_MONTHS = 12;

	/** LSOAs the siting view lists. */
	public static final int SITING_ROWS = 20;

	/** The kernel density's bandwidth at the site, in metres. */
	static final double DENSITY_BANDWIDTH = 500;

	private final NeedleMapRepository finds;

	private final AnalyticsObservations observations;

	private final AnalyticsManagement analytics;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	RoomEvaluation(NeedleMapRepository finds, AnalyticsObservations observations, AnalyticsManagement analytics,
			GeographyManagement geography, AuditLog audit, Clock clock, RegionSettings region) {
		this.finds = finds;
		this.observations = observations;
		this.analytics = analytics;
		this.geography = geography;
		this.audit = audit;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/** A site with the day it opened and its hours, when set. */
	public record OperatingSite(Site site, @Nullable LocalDate openedOn, @Nullable LocalTime opens,
			@Nullable LocalTime closes) {

		/** Whether it can be evaluated: it has an opening day and hours. */
		public boolean evaluable() {
			return openedOn != null && opens != null && closes != null;
		}

	}

	/**
	 * Before and after in one ring.
	 *
	 * @param change the change in percent, or {@code null} when either side is withheld
	 * or the before count is 0
	 */
	public record Compared(RoomManagement.Shown before, RoomManagement.Shown after, @Nullable Integer change) {

		static Compared of(long before, long after) {
			var shownBefore = RoomManagement.Shown.of(before, before);
			var shownAfter = RoomManagement.Shown.of(after, after);
			Integer change = shownBefore.suppressed() || shownAfter.suppressed() || before == 0 ? null
					: (int) Math.round(100.0 * (after - before) / before);
			return new Compared(shownBefore, shownAfter, change);
		}

		/** A total of parts: each side withheld when that side of any part is. */
		static Compared total(List<Compared> parts, long before, long after) {
			var compared = of(before, after);
			boolean hideBefore = parts.stream().anyMatch(part -> part.before().suppressed());
			boolean hideAfter = parts.stream().anyMatch(part -> part.after().suppressed());
			var shownBefore = hideBefore ? new RoomManagement.Shown(0, true, null) : compared.before();
			var shownAfter = hideAfter ? new RoomManagement.Shown(0, true, null) : compared.after();
			return new Compared(shownBefore, shownAfter, hideBefore || hideAfter ? null : compared.change());
		}

	}

	/**
	 * One ring around the site.
	 *
	 * @param innerMetres its inner edge
	 * @param outerMetres its outer edge
	 * @param areaKm2 its area
	 * @param needles needle finds in it
	 * @param overdoses ambulance overdose call-outs in it
	 */
	public record Ring(int innerMetres, int outerMetres, double areaKm2, Compared needles, Compared overdoses) {

		/** Finds per square kilometre, or {@code null} when the count is withheld. */
		public @Nullable Double perKm2(RoomManagement.Shown shown) {
			return shown.suppressed() ? null : shown.count() / areaKm2;
		}

	}

	/**
	 * A site's evaluation.
	 *
	 * @param months months compared each side of the opening
	 * @param beforeFrom the first day of the period before
	 * @param afterUntil the day after the period after
	 * @param densityBefore the kernel density of finds at the site before (finds per
	 * km²), or {@code null} when the finds within the outer ring are withheld
	 * @param densityAfter the same after
	 */
	public record Evaluation(OperatingSite site, int months, LocalDate beforeFrom, LocalDate afterUntil,
			List<Ring> rings, Compared needlesWithin, Compared overdosesWithin, @Nullable Double densityBefore,
			@Nullable Double densityAfter) {
	}

	/**
	 * One LSOA in the siting view.
	 *
	 * @param score 0–100: the mean of its percentile among the district's LSOAs by finds,
	 * by overdoses and by deprivation
	 * @param imdDecile its deprivation decile (1 the most deprived)
	 */
	public record SitingArea(String code, String name, RoomManagement.Shown needles, RoomManagement.Shown overdoses,
			@Nullable Integer imdDecile, int score) {
	}

	/**
	 * The siting view of a district over the last twelve months.
	 *
	 * @param ambulanceOnly whether overdoses are ambulance call-outs only (otherwise
	 * every overdose recorded with a place)
	 */
	public record Siting(String ladCode, String ladName, LocalDate from, LocalDate to, int lsoas, boolean ambulanceOnly,
			List<SitingArea> areas) {
	}

	/**
	 * The sites the reader may evaluate: all for the commissioner's analysts, their own
	 * for a room's health staff.
	 * @throws AccessDeniedException when the reader may evaluate none (audited)
	 */
	@Transactional(readOnly = true)
	public List<OperatingSite> sites(HarmwatchUser reader) {
		if (ConsumptionRoomsPolicy.evaluatesAllSites(reader)) {
			return finds.sites(null).stream().map(RoomEvaluation::operating).toList();
		}
		if (ConsumptionRoomsPolicy.evaluatesSite(reader, reader.agencyCode())) {
			return finds.sites(reader.agencyCode()).stream().map(RoomEvaluation::operating).toList();
		}
		refuse("needs programme read, or consumption-rooms read for health at a room's agency");
		return List.of();
	}

	/**
	 * Sets the day a site opened and its daily hours; for the programme's set-up (demo,
	 * operators).
	 * @throws InputRejectedException when the hours are the same or the site is unknown
	 */
	@Transactional
	public void setHours(UUID siteId, LocalDate openedOn, LocalTime opens, LocalTime closes, String actor) {
		if (opens.equals(closes)) {
			throw new InputRejectedException(FieldProblem.of("closes", "consumptionrooms.site.hours.same"));
		}
		var site = finds.site(siteId)
			.orElseThrow(() -> new InputRejectedException(FieldProblem.of("site", "consumptionrooms.site.unknown")));
		finds.setHours(siteId, openedOn, opens, closes);
		audit.recordFor(actor, site.ownerAgency(), ConsumptionRoomsAudit.ROOM_SITE_SET, "consumption-room-site",
				siteId.toString(), null, AuditLog.Outcome.ALLOWED, "opened " + openedOn + ", " + opens + "–" + closes);
	}

	/**
	 * The evaluation of a site over {@code months} each side of its opening (fewer when
	 * it opened more recently), in its opening hours (audited).
	 * @throws AccessDeniedException when the reader may not evaluate it (audited)
	 * @throws NotFoundException when there is no such site
	 * @throws InputRejectedException when the months are out of range or the site has no
	 * opening day and hours or has not been open a whole day
	 */
	@Transactional(readOnly = true)
	public Evaluation evaluate(UUID siteId, int months, HarmwatchUser reader) {
		var row = finds.site(siteId).orElse(null);
		if (row == null || !(ConsumptionRoomsPolicy.evaluatesAllSites(reader)
				|| ConsumptionRoomsPolicy.evaluatesSite(reader, row.ownerAgency()))) {
			if (row != null) {
				audit.record(ConsumptionRoomsAudit.ROOM_EVALUATION_VIEWED, "consumption-room-site", siteId.toString(),
						null, AuditLog.Outcome.DENIED, "not the reader's site");
			}
			if (row == null && !ConsumptionRoomsPolicy.evaluatesAllSites(reader)
					&& !ConsumptionRoomsPolicy.evaluatesSite(reader, reader.agencyCode())) {
				refuse("needs programme read, or consumption-rooms read for health at a room's agency");
			}
			throw new NotFoundException("consumptionrooms.notFound.site", siteId);
		}
		if (months < 1 || months > MAX_MONTHS) {
			throw new InputRejectedException(
					FieldProblem.of("months", "consumptionrooms.evaluation.months.range", MAX_MONTHS));
		}
		var site = operating(row);
		if (!site.evaluable()) {
			throw new InputRejectedException(FieldProblem.of("site", "consumptionrooms.evaluation.noHours"));
		}
		var today = LocalDate.now(clock.withZone(zone));
		var opened = site.openedOn();
		var afterUntil = opened.plusMonths(months);
		if (afterUntil.isAfter(today)) {
			afterUntil = today;
		}
		if (!afterUntil.isAfter(opened)) {
			throw new InputRejectedException(FieldProblem.of("site", "consumptionrooms.evaluation.notOpenYet"));
		}
		// Equal periods: as many days before the opening as after it.
		long days = java.time.temporal.ChronoUnit.DAYS.between(opened, afterUntil);
		var beforeFrom = opened.minusDays(days);
		var start = beforeFrom.atStartOfDay(zone).toInstant();
		var openedAt = opened.atStartOfDay(zone).toInstant();
		var end = afterUntil.atStartOfDay(zone).toInstant();
		int outer = RINGS.getLast();
		double lat = site.site().lat();
		double lon = site.site().lon();
		double dLat = Math.toDegrees(outer / 6_371_008.8);
		double dLon = dLat / Math.cos(Math.toRadians(lat));
		var needlesBefore = new long[RINGS.size()];
		var needlesAfter = new long[RINGS.size()];
		var pointsBefore = new ArrayList<WeightedPoint>();
		var pointsAfter = new ArrayList<WeightedPoint>();
		for (var find : finds.findsIn(lat - dLat, lon - dLon, lat + dLat, lon + dLon, start, end)) {
			if (!open(site, find.reportedAt())) {
				continue;
			}
			boolean after = !find.reportedAt().isBefore(openedAt);
			(after ? pointsAfter : pointsBefore).add(new WeightedPoint(find.lat(), find.lon(), 1));
			int ring = ring(metres(lat, lon, find.lat(), find.lon()));
			if (ring >= 0) {
				(after ? needlesAfter : needlesBefore)[ring]++;
			}
		}
		var overdosesBefore = new long[RINGS.size()];
		var overdosesAfter = new long[RINGS.size()];
		for (var near : observations.near(OVERDOSE_CATEGORY, AMBULANCE_TAG, lat, lon, outer, start, end)) {
			if (!open(site, near.occurredAt())) {
				continue;
			}
			int ring = ring(near.distanceMetres());
			if (ring >= 0) {
				(near.occurredAt().isBefore(openedAt) ? overdosesBefore : overdosesAfter)[ring] += near.weight();
			}
		}
		var rings = new ArrayList<Ring>();
		int inner = 0;
		for (int i = 0; i < RINGS.size(); i++) {
			int edge = RINGS.get(i);
			double area = Math.PI * ((double) edge * edge - (double) inner * inner) / 1_000_000;
			rings.add(new Ring(inner, edge, area, Compared.of(needlesBefore[i], needlesAfter[i]),
					Compared.of(overdosesBefore[i], overdosesAfter[i])));
			inner = edge;
		}
		var needlesWithin = Compared.total(rings.stream().map(Ring::needles).toList(), sum(needlesBefore),
				sum(needlesAfter));
		var box = new Bounds(lat - dLat, lon - dLon, lat + dLat, lon + dLon);
		Double densityBefore = needlesWithin.before().suppressed() ? null : densityAt(pointsBefore, box, lat, lon);
		Double densityAfter = needlesWithin.after().suppressed() ? null : densityAt(pointsAfter, box, lat, lon);
		audit.record(ConsumptionRoomsAudit.ROOM_EVALUATION_VIEWED, "consumption-room-site", siteId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, beforeFrom + " to " + afterUntil);
		return new Evaluation(site, months, beforeFrom, afterUntil, rings, needlesWithin,
				Compared.total(rings.stream().map(Ring::overdoses).toList(), sum(overdosesBefore), sum(overdosesAfter)),
				densityBefore, densityAfter);
	}

	/**
	 * Where a room would serve most in a district: its LSOAs ranked by needle finds,
	 * overdoses with a place and deprivation over the last twelve whole months (audited).
	 * @throws AccessDeniedException when the reader may not see it (audited)
	 * @throws InputRejectedException when the district is not one of the region's
	 */
	@Transactional(readOnly = true)
	public Siting siting(String ladCode, HarmwatchUser reader) {
		return siting(ladCode, false, reader);
	}

	/**
	 * Where a room would serve most in a district, as
	 * {@link #siting(String, HarmwatchUser)} ranks it; with {@code ambulanceOnly},
	 * overdoses are ambulance call-outs only. One count of overdoses is shown either way:
	 * both side by side would give away a small count of the others by their difference.
	 * @throws AccessDeniedException when the reader may not see it (audited)
	 * @throws InputRejectedException when the district is not one of the region's
	 */
	@Transactional(readOnly = true)
	public Siting siting(String ladCode, boolean ambulanceOnly, HarmwatchUser reader) {
		if (!ConsumptionRoomsPolicy.evaluatesAllSites(reader)
				&& !ConsumptionRoomsPolicy.evaluatesSite(reader, reader.agencyCode())) {
			audit.record(ConsumptionRoomsAudit.ROOM_SITING_VIEWED, "consumption-room-siting", null, null,
					AuditLog.Outcome.DENIED, "needs programme read, or consumption-rooms read for health");
			throw new AccessDeniedException("No siting view");
		}
		var district = geography.area(ladCode)
			.filter(a -> a.level() == AreaLevel.LAD)
			.orElseThrow(() -> new InputRejectedException(FieldProblem.of("lad", "consumptionrooms.maps.lad.unknown")));
		var to = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
		var from = to.minusMonths(12);
		var start = from.atStartOfDay(zone).toInstant();
		var end = to.atStartOfDay(zone).toInstant();
		var lsoas = geography.areas(AreaLevel.LSOA, ladCode);
		var needles = new HashMap<String, Long>();
		for (var find : finds.finds(ladCode, start, end)) {
			if (find.lsoaCode() != null) {
				needles.merge(find.lsoaCode(), 1L, Long::sum);
			}
		}
		Map<String, Long> overdoses = observations.perLsoa(OVERDOSE_CATEGORY, ambulanceOnly ? AMBULANCE_TAG : null,
				ladCode, start, end);
		var needleRank = percentiles(lsoas.stream().map(a -> (double) needles.getOrDefault(a.code(), 0L)).toList());
		var overdoseRank = percentiles(lsoas.stream().map(a -> (double) overdoses.getOrDefault(a.code(), 0L)).toList());
		var deprivationRank = percentiles(
				lsoas.stream().map(a -> a.imdDecile() == null ? 0.0 : 11.0 - a.imdDecile()).toList());
		var areas = new ArrayList<SitingArea>();
		for (int i = 0; i < lsoas.size(); i++) {
			var lsoa = lsoas.get(i);
			long n = needles.getOrDefault(lsoa.code(), 0L);
			long o = overdoses.getOrDefault(lsoa.code(), 0L);
			int score = (int) Math.round(100 * (needleRank[i] + overdoseRank[i] + deprivationRank[i]) / 3);
			areas.add(new SitingArea(lsoa.code(), lsoa.name(), RoomManagement.Shown.of(n, n),
					RoomManagement.Shown.of(o, o), lsoa.imdDecile(), score));
		}
		areas.sort(Comparator.comparingInt(SitingArea::score).reversed().thenComparing(SitingArea::code));
		audit.record(ConsumptionRoomsAudit.ROOM_SITING_VIEWED, "consumption-room-siting", ladCode,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				from + " to " + to + (ambulanceOnly ? ", ambulance call-outs" : ""));
		return new Siting(ladCode, district.name(), from, to.minusDays(1), lsoas.size(), ambulanceOnly,
				List.copyOf(areas.subList(0, Math.min(SITING_ROWS, areas.size()))));
	}

	/**
	 * Each value's percentile among them, 0 to 1: the share of the others it is above,
	 * ties counting half.
	 */
	static double[] percentiles(List<Double> values) {
		var result = new double[values.size()];
		if (values.size() < 2) {
			return result;
		}
		for (int i = 0; i < values.size(); i++) {
			double below = 0;
			for (int j = 0; j < values.size(); j++) {
				if (j != i) {
					int order = Double.compare(values.get(j), values.get(i));
					below += order < 0 ? 1 : order == 0 ? 0.5 : 0;
				}
			}
			result[i] = below / (values.size() - 1);
		}
		return result;
	}

	private @Nullable Double densityAt(List<WeightedPoint> points, Bounds box, double lat, double lon) {
		if (points.isEmpty()) {
			return 0.0;
		}
		var heatmap = analytics.heatmap(new HeatmapQuery(points, Kernel.QUARTIC, DENSITY_BANDWIDTH, 100, box));
		var b = heatmap.bounds();
		int column = (int) Math.floor((lon - b.west()) / (b.east() - b.west()) * heatmap.columns());
		int row = (int) Math.floor((lat - b.south()) / (b.north() - b.south()) * heatmap.rows());
		column = Math.max(0, Math.min(heatmap.columns() - 1, column));
		row = Math.max(0, Math.min(heatmap.rows() - 1, row));
		return heatmap.perKm2()[row * heatmap.columns() + column];
	}

	/**
	 * Whether the site was open at that moment, by its daily hours in the region's time.
	 */
	private boolean open(OperatingSite site, Instant at) {
		var time = at.atZone(zone).toLocalTime();
		var opens = site.opens();
		var closes = site.closes();
		return opens.isBefore(closes) ? !time.isBefore(opens) && time.isBefore(closes)
				: !time.isBefore(opens) || time.isBefore(closes);
	}

	private static int ring(double metres) {
		for (int i = 0; i < RINGS.size(); i++) {
			if (metres <= RINGS.get(i)) {
				return i;
			}
		}
		return -1;
	}

	private static long sum(long[] counts) {
		long total = 0;
		for (long n : counts) {
			total += n;
		}
		return total;
	}

	/** Great-circle distance in metres. */
	static double metres(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
		return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private void refuse(String why) {
		audit.record(ConsumptionRoomsAudit.ROOM_EVALUATION_VIEWED, "consumption-room-site", null, null,
				AuditLog.Outcome.DENIED, why);
		throw new AccessDeniedException("No evaluation: " + why);
	}

	private static OperatingSite operating(NeedleMapRepository.SiteRow row) {
		return new OperatingSite(
				new Site(row.id(), row.ownerAgency(), row.name(), row.ladCode(), row.lat(), row.lon(), row.booths()),
				row.openedOn(), row.opens(), row.closes());
	}

}
