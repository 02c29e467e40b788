package org.harmwatch.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.harmwatch.bench.DatabaseCpu;
import org.harmwatch.HarmwatchApplication;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.SurveillanceRuns;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily surveillance run over five years of overdoses: boots Harmwatch (demo data, a
 * throw-away embedded PostgreSQL), records {@code incidents} overdoses (default 200,000)
 * spread over the five years before today on the region's real LSOAs (weighted by
 * population, so across its seven districts), each as the observation {@code OVERDOSE}
 * and one per substance class (a few classes, with their ancestors, as the overdose
 * module records them), with an outbreak in one district yesterday; then runs the whole
 * daily run (EARS C1-C3, CUSUM and Farrington for every district and class, Gi* by LSOA,
 * the prospective scan, which the spike detector is told not to run so that the run does)
 * {@code runs} times (default 4; run 0 warms the JIT up) and prints each run's wall time,
 * CPU seconds of this JVM and of PostgreSQL, and the load average. Used by
 * {@code bench/surveillance-run.sh}; never by the test suite.
 */
public final class SurveillanceBench {

	private static final ZoneId ZONE = ZoneId.of("Europe/London");

	private SurveillanceBench() {
	}

	public static void main(String[] args) throws Exception {
		int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		boolean detectorScans = args.length > 2 && args[2].equals("detector-scans");
		var context = new SpringApplicationBuilder(HarmwatchApplication.class).run("--server.port=0",
				"--harmwatch.embedded-db.data-directory=", "--harmwatch.embedded-db.durable=false",
				"--harmwatch.demo.enabled=true", "--harmwatch.audit.key-file=", "--harmwatch.audit.checkpoint-file=",
				"--harmwatch.analytics.spikes.initial-delay=P1D", "--harmwatch.analytics.surveillance.cron=-",
				"--harmwatch.analytics.spikes.scan-enabled=" + detectorScans,
				"--logging.level.org.harmwatch.analytics.internal.SurveillanceRunner=INFO");
		int status = 1;
		try {
			status = run(context.getBean(AnalyticsManagement.class), context.getBean(SurveillanceRuns.class),
					context.getBean(GeographyManagement.class), context.getBean(JdbcClient.class),
					context.getBean(Clock.class), incidents, runs);
		}
		finally {
			context.close();
		}
		System.exit(status);
	}

	private static int run(AnalyticsManagement analytics, SurveillanceRuns surveillance, GeographyManagement geography,
			JdbcClient jdbc, Clock clock, int incidents, int runs) throws IOException {
		var lsoas = geography.areas(AreaLevel.LSOA)
			.stream()
			.filter(a -> a.population() != null && a.population() > 0)
			.toList();
		var today = LocalDate.now(clock.withZone(ZONE));
		var yesterday = today.minusDays(1);
		var first = today.minusYears(5);
		int days = (int) (yesterday.toEpochDay() - first.toEpochDay() + 1);
		long t0 = System.nanoTime();
		var batch = generate(lsoas, first, days, incidents, yesterday);
		System.out.printf("generated %,d incidents (%,d observations) over %d days (%s..%s) on %d LSOAs in %.1f s%n",
				incidents, batch.size(), days, first, yesterday, lsoas.size(), (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		for (int from = 0; from < batch.size(); from += 20_000) {
			analytics.observeAll(batch.subList(from, Math.min(batch.size(), from + 20_000)));
		}
		jdbc.sql("ANALYZE analytics.observation").update();
		long stored = jdbc.sql("SELECT count(*) FROM analytics.observation").query(Long.class).single();
		System.out.printf("stored: %,d observations in %.1f s%n", stored, (System.nanoTime() - t0) / 1e9);
		long postmaster = ProcessHandle.of(jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single())
			.flatMap(ProcessHandle::parent)
			.map(ProcessHandle::pid)
			.orElse(-1L);
		System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores");
		boolean ok = true;
		for (int run = 0; run < runs; run++) {
			var load0 = Files.readString(Path.of("/proc/loadavg")).strip();
			var cpu0 = DatabaseCpu.seconds(postmaster);
			long start = System.nanoTime();
			var report = surveillance.runAt(clock.instant(), "bench");
			double wall = (System.nanoTime() - start) / 1e9;
			var cpu1 = DatabaseCpu.seconds(postmaster);
			System.out.printf(
					"run %d: wall %.2f s; CPU JVM %.2f s + PostgreSQL %.2f s = %.2f s; %d series, %,d overdoses, "
							+ "%d alarm(s) (%d new), %d hot spot(s), %d cluster(s), scan by %s; load %s%n",
					run, wall, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1],
					report.run().series(), report.run().observations(), report.alarms().size(),
					report.run().newAlarms(), report.hotspots().size(), report.clusters().size(),
					report.run().scanByDetector() ? "the detector" : "the run", load0);
			ok &= report.alarms().stream().anyMatch(a -> a.areaName().equals("Walsall"));
			if (run == 0) {
				report.alarms()
					.forEach(a -> System.out.printf("  alarm: %s %s %s observed %.0f expected %.2f threshold %.2f%s%n",
							a.areaName(), a.category(), a.method(), a.observed(), a.expected(), a.threshold(),
							a.isNew() ? " (new)" : ""));
			}
		}
		System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).strip());
		System.out.println(ok ? "the injected outbreak alarmed in every run" : "the injected outbreak was MISSED");
		return ok ? 0 : 1;
	}

	/**
	 * Incidents on random days (a mild yearly season) in LSOAs drawn by population, each
	 * with 1-2 substance classes and their ancestors; and 40 more in one Walsall LSOA on
	 * the last day.
	 */
	private static List<Observation> generate(List<Area> lsoas, LocalDate first, int days, int incidents,
			LocalDate outbreakDay) {
		var random = new SplittableRandom(20261206L);
		double[] cumulative = new double[lsoas.size()];
		double total = 0;
		for (int i = 0; i < lsoas.size(); i++) {
			total += lsoas.get(i).population();
			cumulative[i] = total;
		}
		var out = new ArrayList<Observation>(incidents * 3);
		for (int n = 0; n < incidents; n++) {
			int day;
			do {
				day = random.nextInt(days);
			}
			while (random.nextDouble() > 0.8 + 0.2 * Math.cos(2 * Math.PI * day / 365.25));
			int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
			var lsoa = lsoas.get(Math.min(lsoas.size() - 1, at < 0 ? -at - 1 : at));
			var when = first.plusDays(day).atStartOfDay(ZONE).toInstant().plusSeconds(random.nextInt(86_400));
			add(out, "b" + n, lsoa, when, random);
		}
		var walsall = lsoas.stream().filter(a -> a.ladName().equals("Walsall")).findFirst().orElseThrow();
		for (int n = 0; n < 40; n++) {
			add(out, "outbreak" + n, walsall, outbreakDay.atTime(20, 0).atZone(ZONE).toInstant().plusSeconds(60L * n),
					random);
		}
		return out;
	}

	/**
	 * With {@code -Dbench.spread=true}, each incident is stored in the older form: one
	 * row for {@code OVERDOSE} and one per class (rows recorded before classes were
	 * carried).
	 */
	private static final boolean SPREAD = Boolean.getBoolean("bench.spread");

	private static void add(List<Observation> out, String id, Area lsoa, java.time.Instant when,
			SplittableRandom random) {
		double lat = lsoa.centroid().lat();
		double lon = lsoa.centroid().lon();
		double r = random.nextDouble();
		List<String> classes = r < 0.45 ? List.of("OPIOID")
				: r < 0.55 ? List.of("OPIOID", "HIGH_POTENCY_SYNTHETIC_OPIOID")
						: r < 0.70 ? List.of("OPIOID", "BENZODIAZEPINE")
								: r < 0.85 ? List.of("STIMULANT") : List.of("BENZODIAZEPINE");
		if (!SPREAD) {
			// As the overdose module records an incident: one row carrying its classes.
			out.add(new Observation("bench", id, "OVERDOSE", when, lat, lon, 1, null, classes));
			return;
		}
		out.add(new Observation("bench", id, "OVERDOSE", when, lat, lon, 1));
		for (var substanceClass : classes) {
			out.add(new Observation("bench", id + ":" + substanceClass, "OVERDOSE:" + substanceClass, when, lat, lon,
					1));
		}
	}

}
