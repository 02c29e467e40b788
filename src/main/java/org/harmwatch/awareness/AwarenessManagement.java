package org.harmwatch.awareness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.harmwatch.analytics.AnalyticsBusyException;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.Heatmap;
import org.harmwatch.analytics.HeatmapQuery;
import org.harmwatch.analytics.HotspotMap;
import org.harmwatch.analytics.HotspotQuery;
import org.harmwatch.analytics.WeightedPoint;
import org.harmwatch.analytics.density.Kernel;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.awareness.internal.AwarenessAudit;
import org.harmwatch.awareness.internal.AwarenessPolicy;
import org.harmwatch.drugchecking.BoardFilter;
import org.harmwatch.drugchecking.BoardManagement;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReportView;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.geography.LatLon;
import org.harmwatch.overdose.IncidentMap;
import org.harmwatch.overdose.MapFilter;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Builds the situational-awareness picture for one viewer by asking the owning modules as
 * that viewer; see the package description.
 */
@Service
public class AwarenessManagement {

	/** Early-warning reports read for one picture at most (newest first). */
	public static final int MAX_REPORTS = 2_000;

	/** Signals read for one picture at most. */
	public static final int MAX_SIGNALS = 1_000;

	/** Alerts read for one picture at most. */
	public static final int MAX_ALERTS = 200;

	/** Spikes read for one picture at most (the most recent). */
	public static final int MAX_SPIKES = 500;

	/** The heatmap's bandwidth, in metres. */
	static final double HEATMAP_BANDWIDTH = 1_000;

	/** The side of a heatmap cell, in metres. */
	static final double HEATMAP_CELL = 500;

	private final OverdoseManagement overdoses;

	private final EarlyWarningManagement earlyWarning;

	private final AlertManagement alerts;

	private final BoardManagement board;

	private final AnalyticsManagement analytics;

	private final GeographyManagement geography;

	private final SubstanceManagement substances;

	private final AuditLog audit;

	private final ZoneId zone;

	private final Clock clock;

	AwarenessManagement(OverdoseManagement overdoses, EarlyWarningManagement earlyWarning, AlertManagement alerts,
			BoardManagement board, AnalyticsManagement analytics, GeographyManagement geography,
			SubstanceManagement substances, AuditLog audit, RegionSettings region, Clock clock) {
		this.overdoses = overdoses;
		this.earlyWarning = earlyWarning;
		this.alerts = alerts;
		this.board = board;
		this.analytics = analytics;
		this.geography = geography;
		this.substances = substances;
		this.audit = audit;
		this.zone = region.timeZone();
		this.clock = clock;
	}

	/** Today in the region's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The region's districts, by code. */
	public Map<String, String> districts() {
		var districts = new java.util.LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(a -> districts.put(a.code(), a.name()));
		return districts;
	}

	/**
	 * The picture the viewer may see for the filter (audited with what each source gave).
	 * @throws AccessDeniedException when the viewer may read neither overdoses nor early
	 * warning (audited)
	 */
	public Picture picture(AwarenessFilter filter, HarmwatchUser viewer) {
		if (!AwarenessPolicy.mayView(viewer)) {
			audit.record(AwarenessAudit.AWARENESS_READ, "awareness", null, null, AuditLog.Outcome.DENIED,
					"needs overdose or early-warning read");
			throw new AccessDeniedException("No situational awareness");
		}
		var start = filter.from().atStartOfDay(zone).toInstant();
		var end = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
		int days = (int) ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
		var builder = new Builder(filter, days);
		var lads = new HashMap<String, Area>();
		geography.areas(AreaLevel.LAD).forEach(a -> lads.put(a.code(), a));
		var limits = new ArrayList<String>();

		boolean overdosePoints = false;
		long overdoseTotal = 0;
		long unplaced = 0;
		if (AwarenessPolicy.readsOverdoses(viewer)) {
			var map = overdoses.map(new MapFilter(filter.from(), filter.to(), filter.ladCode(), null,
					filter.substanceClass(), filter.level(), MapFilter.Interval.DAY), viewer);
			for (var p : map.points()) {
				builder.point(p.lat(), p.lon(), EventKind.OVERDOSE);
				builder.heat.add(new WeightedPoint(p.lat(), p.lon(), 1));
			}
			overdosePoints = !map.points().isEmpty();
			for (var bar : map.curve()) {
				builder.count(bar.start(), EventKind.OVERDOSE, bar.total());
			}
			for (IncidentMap.AreaCount a : map.areas()) {
				builder.area(a.code(), a.name(), a.ladName())[0] += a.incidents();
			}
			overdoseTotal = map.total();
			unplaced = map.unplaced();
		}
		boolean readsEarlyWarning = AwarenessPolicy.readsEarlyWarning(viewer);
		if (readsEarlyWarning) {
			reports(filter, start, end, builder, lads, limits);
			signals(filter, start, end, builder, lads, limits);
			alerts(filter, start, end, builder, lads, limits);
			spikes(filter, start, end, builder);
		}
		boolean readsFindings = AwarenessPolicy.readsFindings(viewer);
		if (readsFindings) {
			findings(filter, builder, lads);
		}
		builder.events.sort(Comparator.comparing(Picture.Event::at).reversed().thenComparing(Picture.Event::title));

		HotspotMap hotspots = null;
		var values = new HashMap<String, Double>();
		builder.areas.forEach((code, counts) -> values.put(code, (double) (counts[0] + counts[1])));
		if (values.values().stream().anyMatch(v -> v > 0)) {
			try {
				hotspots = analytics.hotspots(new HotspotQuery(filter.level(), filter.ladCode(), values,
						HotspotQuery.Weights.CONTIGUITY, 0, 0, 0, 0.05, Significance.NORMAL_FDR));
			}
			catch (AnalyticsRequestException | AnalyticsBusyException ex) {
				limits.add("awareness.limit.hotspots");
			}
		}
		Heatmap heatmap = null;
		if (!builder.heat.isEmpty()) {
			try {
				heatmap = analytics
					.heatmap(new HeatmapQuery(builder.heat, Kernel.QUARTIC, HEATMAP_BANDWIDTH, HEATMAP_CELL, null));
			}
			catch (AnalyticsRequestException | AnalyticsBusyException ex) {
				limits.add("awareness.limit.heatmap");
			}
		}
		var areaCounts = new ArrayList<Picture.AreaCount>();
		builder.areas.forEach((code, counts) -> {
			var names = builder.areaNames.get(code);
			areaCounts.add(new Picture.AreaCount(code, names[0], names[1], counts[0], counts[1]));
		});
		areaCounts.sort(Comparator.comparingLong(Picture.AreaCount::total)
			.reversed()
			.thenComparing(Picture.AreaCount::name)
			.thenComparing(Picture.AreaCount::code));
		var curve = new ArrayList<Picture.Day>();
		for (int d = 0; d < days; d++) {
			var counts = new ArrayList<Long>();
			for (var kind : EventKind.values()) {
				counts.add(builder.curve[d][kind.ordinal()]);
			}
			curve.add(new Picture.Day(filter.from().plusDays(d), counts));
		}
		var layers = new Picture.Layers(AwarenessPolicy.readsOverdoses(viewer), overdosePoints, readsEarlyWarning,
				readsFindings);
		audit.record(AwarenessAudit.AWARENESS_READ, "awareness", null, null, AuditLog.Outcome.ALLOWED,
				overdoseTotal + " overdoses (" + (overdosePoints ? "points" : "areas only") + "), "
						+ builder.events.size() + " other events (" + filter + ")");
		return new Picture(filter, geography.vintage(filter.level()), layers, builder.points(), builder.events,
				overdoseTotal, unplaced, areaCounts, curve, hotspots, heatmap, limits);
	}

	private void reports(AwarenessFilter filter, Instant start, Instant end, Builder builder, Map<String, Area> lads,
			List<String> limits) {
		int read = 0;
		for (int page = 1;; page++) {
			var reports = earlyWarning.reports(page);
			boolean older = false;
			for (ReportView r : reports.reports()) {
				read++;
				if (r.receivedAt().isBefore(start)) {
					older = true;
				}
				if (r.occurredAt().isBefore(start) || !r.occurredAt().isBefore(end)) {
					continue;
				}
				if (filter.ladCode() != null && !filter.ladCode().equals(r.ladCode())) {
					continue;
				}
				var classes = new ArrayList<@Nullable SubstanceClass>();
				r.substances().forEach(s -> classes.add(substanceClass(s.substanceClass())));
				classes.add(substanceClass(r.substanceClass()));
				var chosen = mostSpecific(classes, filter);
				if (filter.substanceClass() != null && chosen == null) {
					continue;
				}
				var names = r.substances()
					.stream()
					.map(s -> s.name() != null ? s.name() : s.text())
					.distinct()
					.reduce((a, b) -> a + ", " + b)
					.orElse("");
				boolean exact = r.lat() != null && r.lon() != null;
				var place = r.wardName() != null ? r.wardName() + ", " + r.ladName() : r.ladName();
				builder.event(new Picture.Event(EventKind.REPORT, r.occurredAt(), names,
						chosen == null ? null : chosen.name(), r.ladCode(), place, "/early-warning/reports/" + r.id(),
						exact));
				if (exact) {
					double lat = Objects.requireNonNull(r.lat());
					double lon = Objects.requireNonNull(r.lon());
					builder.point(lat, lon, EventKind.REPORT);
					builder.heat.add(new WeightedPoint(lat, lon, 1));
					geography.lookup(lat, lon).ifPresent(found -> {
						var area = found.at(filter.level());
						if (area != null) {
							builder.area(area.code(), area.name(), found.lad().name())[1]++;
						}
					});
				}
				else {
					builder.centre(lads.get(r.ladCode()), EventKind.REPORT);
				}
			}
			if (older || page >= reports.pages()) {
				return;
			}
			if (read >= MAX_REPORTS) {
				limits.add("awareness.limit.reports");
				return;
			}
		}
	}

	private void signals(AwarenessFilter filter, Instant start, Instant end, Builder builder, Map<String, Area> lads,
			List<String> limits) {
		int read = 0;
		for (int page = 1;; page++) {
			var signals = earlyWarning.signals(null, null, page);
			for (SignalView s : signals.signals()) {
				read++;
				if (s.openedAt().isBefore(start) || !s.openedAt().isBefore(end)) {
					continue;
				}
				if (filter.ladCode() != null && !filter.ladCode().equals(s.ladCode())) {
					continue;
				}
				var chosen = substanceClass(s.substanceClass());
				if (!filter.admits(chosen)) {
					continue;
				}
				var title = s.substanceName() != null ? s.substanceName()
						: s.category() != null ? s.category() : s.substanceClass() != null ? s.substanceClass() : "";
				builder.event(
						new Picture.Event(EventKind.SIGNAL, s.openedAt(), title, chosen == null ? null : chosen.name(),
								s.ladCode(), s.ladName(), "/early-warning/signals/" + s.id(), false));
				builder.centre(lads.get(s.ladCode()), EventKind.SIGNAL);
			}
			if (page >= signals.pages()) {
				return;
			}
			if (read >= MAX_SIGNALS) {
				limits.add("awareness.limit.signals");
				return;
			}
		}
	}

	private void alerts(AwarenessFilter filter, Instant start, Instant end, Builder builder, Map<String, Area> lads,
			List<String> limits) {
		int read = 0;
		var now = clock.instant();
		for (int page = 1;; page++) {
			var listed = alerts.alerts(null, page, now);
			boolean older = false;
			for (AlertView listedAlert : listed.alerts()) {
				read++;
				var issuedAt = listedAlert.issuedAt();
				if (issuedAt == null) {
					continue;
				}
				if (issuedAt.isBefore(start)) {
					older = true;
					continue;
				}
				if (!issuedAt.isBefore(end)) {
					continue;
				}
				var message = alerts.alert(listedAlert.id()).current();
				if (message == null) {
					continue;
				}
				var codes = message.areas().stream().map(AlertView.Area::code).toList();
				if (filter.ladCode() != null && !codes.contains(filter.ladCode())) {
					continue;
				}
				var classes = new ArrayList<@Nullable SubstanceClass>();
				message.substances().forEach(s -> classes.add(substanceClass(s.substanceClass())));
				var chosen = mostSpecific(classes, filter);
				if (filter.substanceClass() != null && chosen == null) {
					continue;
				}
				var place = message.areas()
					.stream()
					.map(AlertView.Area::name)
					.reduce((a, b) -> a + ", " + b)
					.orElse(null);
				var title = (listedAlert.reference() == null ? "" : listedAlert.reference() + ": ")
						+ listedAlert.headline();
				builder.event(new Picture.Event(EventKind.ALERT, issuedAt, title, chosen == null ? null : chosen.name(),
						codes.isEmpty() ? null : codes.getFirst(), place, "/early-warning/alerts/" + listedAlert.id(),
						false));
				for (var code : codes) {
					builder.centre(lads.get(code), EventKind.ALERT);
				}
			}
			if (older || page >= listed.pages()) {
				return;
			}
			if (read >= MAX_ALERTS) {
				limits.add("awareness.limit.alerts");
				return;
			}
		}
	}

	private void spikes(AwarenessFilter filter, Instant start, Instant end, Builder builder) {
		for (var spike : analytics.recentSpikes(MAX_SPIKES)) {
			var at = spike.detectedAt();
			if (at.isBefore(start) || !at.isBefore(end)) {
				continue;
			}
			var chosen = substanceClass(spike.category());
			if (!filter.admits(chosen)) {
				continue;
			}
			var area = geography.area(spike.areaCode()).orElse(null);
			var ladCode = area == null ? null : area.ladCode();
			if (filter.ladCode() != null && !filter.ladCode().equals(ladCode)) {
				continue;
			}
			builder.event(new Picture.Event(EventKind.SPIKE, at,
					spike.category() + " " + spike.observed() + " / "
							+ String.format(java.util.Locale.ROOT, "%.1f", spike.expected()),
					chosen == null ? null : chosen.name(), ladCode, spike.areaName(), null, false));
			builder.centre(area, EventKind.SPIKE);
		}
	}

	private void findings(AwarenessFilter filter, Builder builder, Map<String, Area> lads) {
		var classOf = new HashMap<String, SubstanceClass>();
		for (SubstanceSummary s : substances.all()) {
			classOf.put(s.id().code(), s.substanceClass());
		}
		var ladByName = new HashMap<String, Area>();
		lads.values().forEach(a -> ladByName.put(a.name(), a));
		var found = board
			.board(new BoardFilter(null, null, null, null, YearMonth.from(filter.from()), YearMonth.from(filter.to())));
		for (var entry : found.concerns()) {
			var lad = entry.district() == null ? null : ladByName.get(entry.district());
			if (filter.ladCode() != null && (lad == null || !filter.ladCode().equals(lad.code()))) {
				continue;
			}
			var classes = new ArrayList<@Nullable SubstanceClass>();
			entry.found().forEach(f -> classes.add(f.code() == null ? null : classOf.get(f.code())));
			var chosen = mostSpecific(classes, filter);
			if (filter.substanceClass() != null && chosen == null) {
				continue;
			}
			var day = entry.month().atDay(1);
			if (day.isBefore(filter.from())) {
				day = filter.from();
			}
			var title = entry.soldAs() + ": "
					+ entry.found().stream().map(f -> f.name()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
			builder.event(new Picture.Event(EventKind.FINDING, day.atStartOfDay(zone).toInstant(), title,
					chosen == null ? null : chosen.name(), lad == null ? null : lad.code(), entry.district(), null,
					false));
			builder.centre(lad, EventKind.FINDING);
		}
	}

	/**
	 * The most specific of the classes that the filter admits, or {@code null} when none
	 * does (without a filter: the most specific known class).
	 */
	static @Nullable SubstanceClass mostSpecific(List<@Nullable SubstanceClass> classes, AwarenessFilter filter) {
		SubstanceClass best = null;
		for (var c : classes) {
			if (c != null && filter.admits(c) && (best == null || c.depth() > best.depth())) {
				best = c;
			}
		}
		return best;
	}

	private static @Nullable SubstanceClass substanceClass(@Nullable String name) {
		if (name == null) {
			return null;
		}
		return Arrays.stream(SubstanceClass.values()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}

	/** Collects one picture. */
	private final class Builder {

		final AwarenessFilter filter;

		final long[][] curve;

		final List<Picture.Event> events = new ArrayList<>();

		final List<WeightedPoint> heat = new ArrayList<>();

		final Map<String, long[]> areas = new HashMap<>();

		final Map<String, String[]> areaNames = new HashMap<>();

		private int[] points = new int[3 * 1024];

		private int size;

		Builder(AwarenessFilter filter, int days) {
			this.filter = filter;
			this.curve = new long[days][EventKind.values().length];
		}

		void point(double lat, double lon, EventKind kind) {
			if (size + 3 > points.length) {
				points = Arrays.copyOf(points, points.length * 2);
			}
			points[size++] = (int) Math.round(lat * 100_000);
			points[size++] = (int) Math.round(lon * 100_000);
			points[size++] = kind.ordinal();
		}

		void centre(@Nullable Area area, EventKind kind) {
			if (area != null) {
				LatLon centre = area.centroid();
				point(centre.lat(), centre.lon(), kind);
			}
		}

		void count(LocalDate day, EventKind kind, long n) {
			int d = (int) ChronoUnit.DAYS.between(filter.from(), day);
			if (d >= 0 && d < curve.length) {
				curve[d][kind.ordinal()] += n;
			}
		}

		void event(Picture.Event event) {
			events.add(event);
			count(LocalDate.ofInstant(event.at(), zone), event.kind(), 1);
		}

		long[] area(String code, String name, @Nullable String ladName) {
			areaNames.putIfAbsent(code, new String[] { name, ladName });
			return areas.computeIfAbsent(code, c -> new long[2]);
		}

		int[] points() {
			return Arrays.copyOf(points, size);
		}

	}

}
