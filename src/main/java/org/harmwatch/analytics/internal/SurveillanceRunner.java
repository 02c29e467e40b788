package org.harmwatch.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.analytics.SurveillanceReport;
import org.harmwatch.analytics.hotspot.GetisOrdGiStar;
import org.harmwatch.analytics.hotspot.HotspotClass;
import org.harmwatch.analytics.hotspot.SpatialWeights;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily surveillance run: over the observations of the watched category (overdoses)
 * it judges the last whole day of every district and substance class (and all classes)
 * with EARS C1-C3, the CUSUM and Farrington flexible, finds the LSOAs that are hot spots
 * of overdose rates per population (Gi*), reports the spike detector's spikes and the
 * prospective scan's clusters of the day, records all of it, and publishes
 * {@link SpikeDetected} for each new alarm.
 *
 * <p>
 * The observations are read once, summed per category, district and day in the database;
 * each series is built once and judged on the analytics executor, districts in parallel.
 * The prospective scan is the spike detector's: when it scans every few minutes
 * ({@code harmwatch.analytics.spikes.scan-enabled}) the run reports what it found and
 * does not scan again; when it does not, the run has it scan once.
 *
 * <p>
 * A new alarm is one with no spike of the same category and district within the
 * detector's quiet period, and not raised by an earlier run for the same method and
 * period: its spike and event are written in the run's transaction, under a lock that
 * runs of every instance take in turn, so two instances starting it at once, or a re-run
 * for the same day, publish nothing twice. The schedule itself holds the
 * {@code surveillance-run} scheduler lock.
 */
@Component
@EnableConfigurationProperties(SurveillanceProperties.class)
public class SurveillanceRunner {

	/** How the run was started. */
	public static final String SCHEDULE = "SCHEDULE";

	/** How the run was started. */
	public static final String ON_DEMAND = "ON_DEMAND";

	private static final Logger log = LoggerFactory.getLogger(SurveillanceRunner.class);

	private final SurveillanceRepository runs;

	private final ObservationRepository observations;

	private final GeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final SurveillanceProperties properties;

	private final SpikeDetector detector;

	private final AnalyticsExecutor executor;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transactions;

	private volatile @Nullable Contiguity contiguity;

	/** The LSOAs and their contiguity weights, built once. */
	private record Contiguity(List<Area> lsoas, SpatialWeights weights) {
	}

	/** An alarm of one series. */
	private record Found(String category, String ladCode, String ladName, SeriesAlarms.Alarm alarm) {
	}

	SurveillanceRunner(SurveillanceRepository runs, ObservationRepository observations, GeographyManagement geography,
			ApplicationEventPublisher events, SurveillanceProperties properties, SpikeDetector detector,
			AnalyticsExecutor executor, Clock clock, RegionSettings region, PlatformTransactionManager transactions) {
		this.runs = runs;
		this.observations = observations;
		this.geography = geography;
		this.events = events;
		this.properties = properties;
		this.detector = detector;
		this.executor = executor;
		this.clock = clock;
		this.zone = region.timeZone();
		this.transactions = new TransactionTemplate(transactions);
		properties.seriesSettings(); // fail at start-up, not at the first run
	}

	@Scheduled(cron = "${harmwatch.analytics.surveillance.cron:0 30 6 * * *}",
			zone = "${harmwatch.region.time-zone:Europe/London}")
	@SchedulerLock(name = "surveillance-run", lockAtMostFor = "PT30M")
	void scheduled() {
		var run = run(clock.instant(), SCHEDULE, null).run();
		log.info("Surveillance run for {}: {} series, {} alarm(s), {} new, {} hot spot(s), {} ms", run.day(),
				run.series(), run.alarms(), run.newAlarms(), run.hotspots(), run.durationMillis());
	}

	/**
	 * Runs the daily surveillance as of {@code now}: judges the last whole day before it.
	 * @param trigger {@link #SCHEDULE} or {@link #ON_DEMAND}
	 * @param requestedBy who asked for it, for a run on demand
	 */
	public SurveillanceReport run(Instant now, String trigger, @Nullable String requestedBy) {
		long start = System.nanoTime();
		var startedAt = clock.instant();
		var day = LocalDate.ofInstant(now, zone).minusDays(1);
		var until = day.plusDays(1).atStartOfDay(zone).toInstant();
		var settings = properties.seriesSettings();
		int history = settings.historyDays();
		var firstDay = day.minusDays(history - 1L);
		var category = properties.category();

		// one read: events per category, district and day, summed in the database
		var series = new LinkedHashMap<String, double[]>();
		long watched = 0;
		for (var count : runs.dailyCounts(category, firstDay.atStartOfDay(zone).toInstant(), until, zone)) {
			int index = (int) (count.day().toEpochDay() - firstDay.toEpochDay());
			if (index < 0 || index >= history) {
				continue;
			}
			series.computeIfAbsent(count.category() + '\n' + count.ladCode(),
					key -> new double[history])[index] += count.count();
			if (count.category().equals(category)) {
				watched += count.count();
			}
		}
		var names = new HashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(lad -> names.put(lad.code(), lad.name()));
		var lsoaCounts = runs.lsoaCounts(category,
				day.minusDays(properties.hotspotDays() - 1L).atStartOfDay(zone).toInstant(), until);
		long read = System.nanoTime();

		// the series, and Gi*, on the analytics executor: series in parallel
		var found = executor.run(() -> series.entrySet().parallelStream().flatMap(entry -> {
			var key = entry.getKey().split("\n", 2);
			return SeriesAlarms.evaluate(day, entry.getValue(), settings)
				.stream()
				.map(alarm -> new Found(key[0], key[1], names.getOrDefault(key[1], key[1]), alarm));
		})
			.sorted(Comparator.comparing(Found::category)
				.thenComparing(Found::ladName)
				.thenComparing(f -> f.alarm().method()))
			.toList());
		long judged = System.nanoTime();
		var hotspots = executor.run(() -> hotspots(lsoaCounts));
		long hot = System.nanoTime();

		boolean scanByDetector = detector.scansItself();
		long watchedEvents = watched;
		var scanned = new long[1];
		var report = transactions.execute(status -> {
			runs.lock();
			// the scan, unless the detector runs it, under the lock: two runs
			// started at once never both publish its clusters
			if (!scanByDetector) {
				detector.scanOnly(now, c -> c.equals(category) || c.startsWith(category + ":"));
			}
			scanned[0] = System.nanoTime();
			var quietFrom = now.minus(detector.quietPeriod());
			var alarms = new ArrayList<SurveillanceReport.Alarm>(found.size());
			int newAlarms = 0;
			for (var f : found) {
				var a = f.alarm();
				boolean isNew = !runs.alarmedBefore(f.category(), f.ladCode(), a.method(), a.periodStart(),
						a.periodEnd()) && !observations.spikeSince(f.category(), f.ladCode(), quietFrom);
				UUID spikeId = null;
				if (isNew) {
					var spike = new SpikeDetected(UUID.randomUUID().toString(), f.category(), a.method().name(), "lad",
							f.ladCode(), f.ladName(), List.of(f.ladCode()),
							a.periodStart().atStartOfDay(zone).toInstant(),
							a.periodEnd().plusDays(1).atStartOfDay(zone).toInstant(), Math.round(a.observed()),
							Double.isFinite(a.expected()) ? a.expected() : 0, a.pValue(), now);
					observations.insertSpike(spike);
					events.publishEvent(spike);
					spikeId = UUID.fromString(spike.id());
					newAlarms++;
				}
				int colon = f.category().indexOf(':');
				alarms.add(
						new SurveillanceReport.Alarm(f.category(), colon < 0 ? null : f.category().substring(colon + 1),
								f.ladCode(), f.ladName(), a.method(), a.periodStart(), a.periodEnd(), a.observed(),
								a.expected(), a.threshold(), a.statistic(), isNew, spikeId));
			}
			var clusters = runs.detectorSpikes(category, now.minus(Duration.ofDays(1)), now.plusMillis(1));
			long millis = (System.nanoTime() - start) / 1_000_000;
			var run = new SurveillanceReport.Run(UUID.randomUUID(), day, trigger, requestedBy, startedAt,
					clock.instant(), millis, watchedEvents, series.size(), alarms.size(), newAlarms, hotspots.size(),
					clusters.size(), scanByDetector);
			var recorded = new SurveillanceReport(run, List.copyOf(alarms), hotspots, clusters);
			runs.insert(recorded);
			return recorded;
		});
		log.info(
				"Surveillance run for {}: {} series, {} alarm(s); read {} ms, series {} ms, Gi* {} ms, scan {} ms, "
						+ "record {} ms",
				day, series.size(), Objects.requireNonNull(report).alarms().size(), (read - start) / 1_000_000,
				(judged - read) / 1_000_000, (hot - judged) / 1_000_000, (scanned[0] - hot) / 1_000_000,
				(System.nanoTime() - scanned[0]) / 1_000_000);
		return report;
	}

	/**
	 * Gi* of overdose rates per 100,000 people by LSOA (queen contiguity), the LSOAs
	 * significantly hot, highest z first.
	 */
	private List<SurveillanceReport.Hotspot> hotspots(Map<String, Long> counts) {
		var weights = contiguity();
		var lsoas = weights.lsoas();
		if (lsoas.size() < 3 || counts.isEmpty()) {
			return List.of();
		}
		double[] rates = new double[lsoas.size()];
		for (int i = 0; i < rates.length; i++) {
			var population = lsoas.get(i).population();
			long events = counts.getOrDefault(lsoas.get(i).code(), 0L);
			rates[i] = population == null || population <= 0 ? 0 : events * 100_000.0 / population;
		}
		var result = GetisOrdGiStar.compute(rates, weights.weights(), null);
		var q = result.qValues(properties.hotspotSignificance());
		var classes = result.classify(properties.hotspotAlpha(), properties.hotspotSignificance());
		var hot = new ArrayList<SurveillanceReport.Hotspot>();
		for (int i = 0; i < rates.length; i++) {
			if (classes[i] == HotspotClass.HOT) {
				var lsoa = lsoas.get(i);
				hot.add(new SurveillanceReport.Hotspot(lsoa.code(), lsoa.name(), lsoa.ladName(),
						counts.getOrDefault(lsoa.code(), 0L), lsoa.population(), rates[i], result.z(i), q[i]));
			}
		}
		hot.sort(Comparator.comparingDouble(SurveillanceReport.Hotspot::z).reversed());
		return List.copyOf(hot);
	}

	private Contiguity contiguity() {
		var built = contiguity;
		if (built == null) {
			var lsoas = geography.areas(AreaLevel.LSOA);
			var index = new HashMap<String, Integer>();
			for (int i = 0; i < lsoas.size(); i++) {
				index.put(lsoas.get(i).code(), i);
			}
			var from = new ArrayList<Integer>();
			var to = new ArrayList<Integer>();
			for (int i = 0; i < lsoas.size(); i++) {
				for (var neighbour : geography.neighbours(lsoas.get(i).code())) {
					var j = index.get(neighbour);
					if (j != null) {
						from.add(i);
						to.add(j);
					}
				}
			}
			built = new Contiguity(lsoas,
					SpatialWeights.fromEdges(lsoas.size(), from.stream().mapToInt(Integer::intValue).toArray(),
							to.stream().mapToInt(Integer::intValue).toArray()));
			contiguity = built;
		}
		return built;
	}

}
