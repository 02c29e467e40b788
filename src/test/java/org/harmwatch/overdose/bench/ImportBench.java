package org.harmwatch.overdose.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.harmwatch.bench.DatabaseCpu;
import org.harmwatch.HarmwatchApplication;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.OverdoseImports;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.imports.ImportJob;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.awaitility.Awaitility.await;

/**
 * Imports a million overdose incidents through the import facility, as a partner's file
 * in the Allegheny County layout of the test fixture (BOM, CRLF header, ISO times, ten
 * substance columns, the place in {@code incident_zip}), and prints rows a second, the
 * wall-clock and CPU seconds of this JVM and of its embedded PostgreSQL, and the progress
 * the job's page shows. Used by {@code bench/overdose-import.sh}; never by the test
 * suite.
 *
 * <p>
 * Arguments: rows (default 1,000,000), {@code bad} to put one bad row at the end (the
 * all-or-nothing case: nothing may be stored), {@code chronological} for rows in the
 * order of their times (by default random, the worst case for the indexes on times).
 */
public final class ImportBench {

	private static final String[] SUBSTANCES = { "Fentanyl", "Heroin", "Cocaine", "Xylazine", "Methamphetamine",
			"Alcohol", "Diazepam", "Etizolam", "Methadone", "Oxycodone", "4-ANPP", "Gabapentin", "Pregabalin",
			"Buprenorphine", "Tramadol", "Morphine", "Bromazolam", "Protonitazene" };

	private ImportBench() {
	}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		boolean bad = List.of(args).contains("bad");
		// The rows in the order of their times, as a partner's export usually is (by
		// default they are in random order, the worst case for the indexes on times).
		boolean chronological = List.of(args).contains("chronological");
		// As arguments: they must win over application.yml (builder properties are
		// defaults).
		var context = new SpringApplicationBuilder(HarmwatchApplication.class).run("--server.port=0",
				"--harmwatch.embedded-db.data-directory=", "--harmwatch.embedded-db.durable=false",
				"--harmwatch.demo.enabled=true", "--harmwatch.audit.key-file=", "--harmwatch.audit.checkpoint-file=",
				"--harmwatch.imports.max-file-size=400MB", "--spring.servlet.multipart.max-file-size=400MB",
				"--harmwatch.imports.lease=PT10M", "--harmwatch.analytics.spikes.initial-delay=P1D");
		int status = 1;
		try {
			status = run(context.getBean(OverdoseImports.class), context.getBean(GeographyManagement.class),
					(HarmwatchUser) context.getBean(UserDetailsService.class).loadUserByUsername("paramedic"),
					context.getBean(JdbcClient.class), rows, bad, chronological);
		}
		finally {
			context.close();
		}
		System.exit(status);
	}

	private static int run(OverdoseImports imports, GeographyManagement geography, HarmwatchUser user, JdbcClient jdbc,
			int rows, boolean bad, boolean chronological) throws IOException, InterruptedException {
		var places = geography.areas(AreaLevel.LSOA).stream().map(a -> a.code()).toList();
		var file = generate(rows, places, bad, chronological);
		System.out.printf("file: %,d rows, %,d bytes, places from %d LSOAs%n", rows, file.length, places.size());
		long before = jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single();
		long observationsBefore = jdbc.sql("SELECT count(*) FROM analytics.observation").query(Long.class).single();
		// An experiment, on this throw-away database only: indexes dropped before the
		// import (-Dbench.drop-indexes=schema.index,...) to measure what keeping them
		// costs.
		for (var index : System.getProperty("bench.drop-indexes", "").split(",")) {
			if (!index.isBlank()) {
				jdbc.sql("DROP INDEX " + index.strip()).update();
				System.out.println("experiment: dropped index " + index.strip());
			}
		}
		var job = imports.upload("Benchmark", "bench.csv", file, user);
		var mapping = imports.guess(job);
		long postmaster = ProcessHandle.of(jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single())
			.flatMap(ProcessHandle::parent)
			.map(ProcessHandle::pid)
			.orElse(-1L);
		var server0 = server(jdbc);
		var cpu0 = DatabaseCpu.seconds(postmaster);
		var processes0 = DatabaseCpu.processes(postmaster);
		long t0 = System.nanoTime();
		if (!imports.start(job.id(), mapping, Boolean.TRUE, null, false, user)) {
			System.out.println("the job did not start");
			return 1;
		}
		// Polled every 50 ms until the job has finished (so the wall time is not rounded
		// up
		// to a poll), printing the progress the job page shows whenever it moves.
		var progress = new Object() {
			ImportJob.Status last;

			int lastRows = -1;

			ImportJob seen;

		};
		await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
			var now = imports.job(job.id(), user).orElseThrow();
			if (now.status() != progress.last || now.rowsDone() != progress.lastRows) {
				System.out.printf("%6.1f s  %-10s %,d of %,d rows%s%n", (System.nanoTime() - t0) / 1e9, now.status(),
						now.rowsDone(), now.totalRows(),
						now.storingWhileChecking() ? String.format(" (%,d stored so far)", now.rowsStored()) : "");
				progress.last = now.status();
				progress.lastRows = now.rowsDone();
			}
			progress.seen = now;
			return now.finished();
		});
		var done = progress.seen;
		double wall = (System.nanoTime() - t0) / 1e9;
		var cpu1 = DatabaseCpu.seconds(postmaster);
		var split = DatabaseCpu.split(processes0, DatabaseCpu.processes(postmaster));
		long after = jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single();
		long observations = jdbc.sql("SELECT count(*) FROM analytics.observation").query(Long.class).single()
				- observationsBefore;
		System.out.printf("status %s; incidents stored %,d; observations %,d%n", done.status(), after - before,
				observations);
		System.out.printf(
				"wall %.1f s: %,.0f rows/s; CPU: JVM %.1f s, PostgreSQL %.1f s, total %.1f s (%,.0f rows per"
						+ " CPU second)%n",
				wall, rows / wall, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1],
				rows / (cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1]));
		var server1 = server(jdbc);
		System.out.printf(
				"PostgreSQL: %,.0f MB of WAL; checkpoints %.0f (requested %.0f); buffers written by backends %,.0f, by"
						+ " the checkpointer %,.0f, by the background writer %,.0f; shared_buffers %s%n",
				(server1[0] - server0[0]) / 1e6, server1[1] - server0[1], server1[2] - server0[2],
				server1[3] - server0[3], server1[4] - server0[4], server1[5] - server0[5],
				jdbc.sql("SHOW shared_buffers").query(String.class).single());
		var parts = new StringBuilder("PostgreSQL CPU by process:");
		split.forEach((role, seconds) -> parts.append(String.format(" %s %.1f s;", role, seconds)));
		System.out.println(parts);
		System.out.println("load: " + Files.readString(Path.of("/proc/loadavg")).strip());
		boolean expected = bad ? done.status() == ImportJob.Status.FAILED && after == before
				: done.status() == ImportJob.Status.DONE && after - before == rows;
		System.out.println(expected ? "as expected" : "NOT as expected");
		return expected ? 0 : 1;
	}

	/**
	 * The server's WAL position (bytes), checkpoints (timed and requested), requested
	 * alone, and buffers written by backends, the checkpointer and the background writer.
	 */
	private static double[] server(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8, checkpoints_timed + checkpoints_req,
				  checkpoints_req, buffers_backend, buffers_checkpoint, buffers_clean FROM pg_stat_bgwriter""")
			.query((rs,
					row) -> new double[] { rs.getDouble(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6) })
			.single();
	}

	static byte[] generate(int rows, List<String> places, boolean bad, boolean chronological) {
		var random = new SplittableRandom(20261206);
		var out = new StringBuilder(rows * 110);
		out.append('\uFEFF')
			.append("_id,death_date_and_time,manner_of_death,age,sex,race,case_dispo,combined_od1,combined_od2,")
			.append("combined_od3,combined_od4,combined_od5,combined_od6,combined_od7,combined_od8,combined_od9,")
			.append("combined_od10,incident_zip,decedent_zip,case_year\r\n");
		var start = LocalDateTime.of(2021, 1, 1, 0, 0);
		long minutes = Duration.ofDays(5 * 365).toMinutes();
		// Chronological: the same kind of times, drawn apart and sorted (the default
		// file stays as it was, its times drawn row by row).
		long[] times = chronological ? new SplittableRandom(20261207).longs(rows, 0, minutes).sorted().toArray() : null;
		for (int i = 0; i < rows; i++) {
			var when = start.plusMinutes(times != null ? times[i] : random.nextLong(minutes));
			out.append(20_000_000 + i).append(',').append(when).append(":00,Accident,");
			out.append(16 + random.nextInt(70)).append(',').append(random.nextBoolean() ? 'M' : 'F').append(",W,MO");
			int substances = 1 + random.nextInt(3);
			for (int s = 0; s < 10; s++) {
				out.append(',');
				if (s < substances) {
					out.append(SUBSTANCES[random.nextInt(SUBSTANCES.length)]);
				}
			}
			var place = places.get(random.nextInt(places.size()));
			out.append(',').append(i == rows - 1 && bad ? "not a place" : place).append(",,");
			out.append(when.getYear()).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
