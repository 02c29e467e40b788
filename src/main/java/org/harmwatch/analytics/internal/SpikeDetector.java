package org.harmwatch.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.analytics.AnalyticsBusyException;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.analytics.scan.ScanOptions;
import org.harmwatch.analytics.scan.SpaceTimeCases;
import org.harmwatch.analytics.scan.SpaceTimePermutationScan;
import org.harmwatch.analytics.temporal.AreaEvent;
import org.harmwatch.analytics.temporal.SpikeRule;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.RegionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks at recent observations every few minutes and publishes {@link SpikeDetected} when
 * an area has more events of one category than the rule allows, or when the prospective
 * space-time scan finds a significant cluster.
 *
 * <p>
 * It holds a database lock while it runs, so with several instances it runs on one at a
 * time; the spike and its event are written in one transaction, and an area that has had
 * a spike of a category within the quiet period gets no second one. A burst that happened
 * while the detector was not running is still found on the next run.
 */
@Component
@EnableConfigurationProperties(SpikeProperties.class)
public class SpikeDetector {

	private static final Logger log = LoggerFactory.getLogger(SpikeDetector.class);

	private final ObservationRepository observations;

	private final GeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final SpikeProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	private final AnalyticsExecutor executor;

	SpikeDetector(ObservationRepository observations, GeographyManagement geography, ApplicationEventPublisher events,
			SpikeProperties properties, Clock clock, RegionSettings region, AnalyticsExecutor executor) {
		this.executor = executor;
		this.observations = observations;
		this.geography = geography;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.zone = region.timeZone();
		level(); // fail at start-up, not at the first run, if the level is misconfigured
	}

	@Scheduled(fixedDelayString = "${harmwatch.analytics.spikes.every:PT5M}",
			initialDelayString = "${harmwatch.analytics.spikes.initial-delay:PT2M}")
	@SchedulerLock(name = "spike-detector", lockAtMostFor = "PT15M")
	void run() {
		var found = detect(clock.instant());
		if (!found.isEmpty()) {
			log.info("Spike detector found {} new spike(s)", found.size());
		}
	}

	/** Runs the rules and the scan as of {@code now}; returns the spikes published. */
	@Transactional
	public List<SpikeDetected> detect(Instant now) {
		var lookback = properties.window().plus(properties.quietPeriod());
		if (properties.scanEnabled()) {
			var scanLookback = Duration.ofDays(properties.scanDays() + 1L);
			lookback = lookback.compareTo(scanLookback) > 0 ? lookback : scanLookback;
		}
		var byCategory = new LinkedHashMap<String, List<ObservationRepository.Located>>();
		for (var observation : observations.since(now.minus(lookback))) {
			byCategory.computeIfAbsent(observation.category(), c -> new ArrayList<>()).add(observation);
		}
		var published = new ArrayList<SpikeDetected>();
		for (var entry : byCategory.entrySet()) {
			published.addAll(applyRule(entry.getKey(), entry.getValue(), now));
			if (properties.scanEnabled()) {
				published.addAll(scan(entry.getKey(), entry.getValue(), now));
			}
		}
		return published;
	}

	/**
	 * Runs only the prospective scan, as {@link #detect} does, over the categories
	 * {@code categories} accepts: for the daily surveillance run when this detector's own
	 * scan is switched off ({@code harmwatch.analytics.spikes.scan-enabled=false}), so
	 * that the scan still runs once a day and never twice.
	 * @return the clusters published as spikes
	 */
	@Transactional
	public List<SpikeDetected> scanOnly(Instant now, Predicate<String> categories) {
		var byCategory = new LinkedHashMap<String, List<ObservationRepository.Located>>();
		for (var observation : observations.since(now.minus(Duration.ofDays(properties.scanDays() + 1L)))) {
			if (categories.test(observation.category())) {
				byCategory.computeIfAbsent(observation.category(), c -> new ArrayList<>()).add(observation);
			}
		}
		var published = new ArrayList<SpikeDetected>();
		byCategory.forEach((category, recent) -> published.addAll(scan(category, recent, now)));
		return published;
	}

	/** Whether {@link #detect} runs the prospective scan itself every few minutes. */
	public boolean scansItself() {
		return properties.scanEnabled();
	}

	/** The quiet period after a spike of a category in an area. */
	public Duration quietPeriod() {
		return properties.quietPeriod();
	}

	private List<SpikeDetected> applyRule(String category, List<ObservationRepository.Located> recent, Instant now) {
		var level = level();
		var areaEvents = new ArrayList<AreaEvent>();
		for (var observation : recent) {
			var area = observation.areaAt(level.urlName());
			if (area != null && !observation.occurredAt().isAfter(now)) {
				for (int i = 0; i < observation.weight(); i++) {
					areaEvents.add(new AreaEvent(area, observation.occurredAt()));
				}
			}
		}
		var rule = new SpikeRule(properties.threshold(), properties.window());
		var published = new ArrayList<SpikeDetected>();
		for (var spike : rule.spikes(areaEvents)) {
			if (spike.lastFired().isBefore(now.minus(properties.quietPeriod()))) {
				continue; // long over: too late to warn anyone
			}
			var area = spike.area();
			if (observations.spikeSince(category, area, now.minus(properties.quietPeriod()))) {
				continue;
			}
			var window = spike.firstWindow();
			published.add(publish(new SpikeDetected(UUID.randomUUID().toString(), category, "RULE", level.urlName(),
					area, name(area), List.of(area), window.windowStart(), spike.lastFired(), spike.peakCount(),
					properties.threshold(), Double.NaN, now)));
		}
		return published;
	}

	private List<SpikeDetected> scan(String category, List<ObservationRepository.Located> recent, Instant now) {
		var level = level();
		var lastDay = LocalDate.ofInstant(now, zone);
		var firstDay = lastDay.minusDays(properties.scanDays() - 1L);
		List<Area> areas = geography.areas(level);
		if (areas.isEmpty()) {
			return List.of();
		}
		var index = new HashMap<String, Integer>();
		for (int i = 0; i < areas.size(); i++) {
			index.put(areas.get(i).code(), i);
		}
		int[][] counts = new int[areas.size()][properties.scanDays()];
		long total = 0;
		for (var observation : recent) {
			var area = observation.areaAt(level.urlName());
			var day = LocalDate.ofInstant(observation.occurredAt(), zone);
			if (area == null || !index.containsKey(area) || day.isBefore(firstDay) || day.isAfter(lastDay)) {
				continue;
			}
			counts[index.get(area)][(int) (day.toEpochDay() - firstDay.toEpochDay())] += observation.weight();
			total += observation.weight();
		}
		if (total < properties.scanMinCases()) {
			return List.of();
		}
		var projection = new LocalProjection(areas.get(0).centroid().lat(), areas.get(0).centroid().lon());
		double[] x = new double[areas.size()];
		double[] y = new double[areas.size()];
		for (int i = 0; i < areas.size(); i++) {
			x[i] = projection.x(areas.get(i).centroid().lon());
			y[i] = projection.y(areas.get(i).centroid().lat());
		}
		var data = SpaceTimeCases.of(areas.stream().map(Area::code).toList(), x, y, firstDay, counts);
		// Surveillance looks for small, recent clusters: at most a tenth of the areas,
		// ongoing on the last day.
		var options = ScanOptions.prospectiveDefaults()
			.withMaxDays(properties.scanMaxDays())
			.withMaxShareOfLocations(0.1)
			.withSeed(lastDay.toEpochDay());
		var published = new ArrayList<SpikeDetected>();
		SpaceTimePermutationScan.Result result;
		try {
			// on the analytics executor, as requests are, not on the common pool
			result = executor.run(() -> SpaceTimePermutationScan.scan(data, options));
		}
		catch (AnalyticsBusyException ex) {
			log.warn("Spike detector: the scan of {} waited too long for the analytics executor; next run", category);
			return published;
		}
		for (var cluster : result.clusters()) {
			if (!(cluster.pValue() <= properties.scanAlpha())
					|| observations.spikeSince(category, cluster.centre(), now.minus(properties.quietPeriod()))) {
				continue;
			}
			published.add(publish(
					new SpikeDetected(UUID.randomUUID().toString(), category, "SCAN", level.urlName(), cluster.centre(),
							name(cluster.centre()), cluster.locations(), cluster.start().atStartOfDay(zone).toInstant(),
							cluster.end().plusDays(1).atStartOfDay(zone).toInstant(), cluster.observed(),
							cluster.expected(), cluster.pValue(), now)));
		}
		return published;
	}

	private SpikeDetected publish(SpikeDetected spike) {
		observations.insertSpike(spike);
		events.publishEvent(spike);
		log.info("Spike: {} {} in {} {} ({} observed, {} expected)", spike.method(), spike.category(),
				spike.areaLevel(), spike.areaCode(), spike.observed(), spike.expected());
		return spike;
	}

	private String name(String code) {
		return geography.area(code).map(Area::name).orElse(code);
	}

	private AreaLevel level() {
		return AreaLevel.fromUrlName(properties.level())
			.filter(level -> level != AreaLevel.MSOA)
			.orElseThrow(() -> new IllegalStateException(
					"harmwatch.analytics.spikes.level must be lad, ward or lsoa, not " + properties.level()));
	}

}
