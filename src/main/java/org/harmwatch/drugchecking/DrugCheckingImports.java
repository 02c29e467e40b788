package org.harmwatch.drugchecking;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.drugchecking.internal.CsvReader;
import org.harmwatch.drugchecking.internal.DrugCheckingImportProperties;
import org.harmwatch.platform.SafeText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing large CSV files of historical or partner results in the background, with progress.
 *
 * <p>An upload is stored in {@code drugchecking.import_job} (not the HTTP session), so a restart does not lose it. Once
 * its columns are mapped, {@link #start} queues it once (a second start is refused) and a worker of this instance
 * checks every row, then stores every sample in one transaction: all or nothing, as
 * {@link DrugCheckingManagement#importCsv}, whose checks and messages it shares. The job records rows checked, then
 * rows stored, for the progress page; the bad rows, when there are any; or why it stopped. Only the user who uploaded
 * a file sees its job.
 *
 * <p>A job whose instance went away mid-run stops reporting progress; {@link #sweep} queues it again (its transaction
 * was rolled back, and samples are idempotent by the partner's key, so nothing is stored twice) and deletes finished
 * jobs after {@code harmwatch.drug-checking.import.keep-for}.
 */
@Service
public class DrugCheckingImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DrugCheckingImports.class);

	/** A running import stops after this many restarts. */
	static final int MAX_ATTEMPTS = 3;

	/** Bad rows kept per job: enough to correct a file, not a copy of a broken one. */
	static final int MAX_PROBLEMS = 1000;

	private final JdbcClient jdbc;

	private final DrugCheckingManagement drugChecking;

	private final DrugCheckingImportProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final ExecutorService workers;

	DrugCheckingImports(JdbcClient jdbc, DrugCheckingManagement drugChecking, DrugCheckingImportProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.drugChecking = drugChecking;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.workers = Executors.newFixedThreadPool(properties.threads(),
				Thread.ofPlatform().name("drugchecking-import-", 1).daemon(true).factory());
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}

	/** The largest file accepted, in bytes. */
	public long maxFileSize() {
		return properties.maxFileSize().toBytes();
	}

	/**
	 * Stores an uploaded CSV for the user to map. It must have a header of at least two columns and at most
	 * {@link DrugCheckingManagement#MAX_IMPORT_ROWS} data rows.
	 * @throws DrugCheckingRejectedException saying what is wrong with the file; nothing is stored then
	 * @throws DrugCheckingManagement.NotFound when there is no such session
	 */
	public SampleImportJob upload(UUID sessionId, String filename, byte[] content, String username, Instant now) {
		drugChecking.session(sessionId).orElseThrow(() -> new DrugCheckingManagement.NotFound("session " + sessionId));
		if (content.length == 0 || content.length > maxFileSize()) {
			throw rejected("Choose a CSV file smaller than " + megabytes() + " MB.");
		}
		if (SafeText.isBinary(content)) {
			throw rejected("This is not a CSV file: it holds binary data, as a spreadsheet or an image does. In the "
					+ "spreadsheet, save it as \"CSV UTF-8 (comma delimited)\" and choose that file.");
		}
		var rows = CsvReader.rows(reader(content));
		var header = rows.hasNext() ? rows.next().stream().map(String::strip).toList() : List.<String>of();
		if (header.size() < 2) {
			throw rejected("The file has no header row of comma-separated columns.");
		}
		int total = 0;
		while (rows.hasNext()) {
			var row = rows.next();
			if (!(row.size() == 1 && row.get(0).isBlank())) {
				total++;
			}
		}
		if (total == 0) {
			throw rejected("The file has a header but no rows.");
		}
		if (total > DrugCheckingManagement.MAX_IMPORT_ROWS) {
			throw rejected(String.format(java.util.Locale.ENGLISH, "The file has %,d rows; at most %,d can be imported at once. Split it into smaller files.",
					total, DrugCheckingManagement.MAX_IMPORT_ROWS));
		}
		var id = UUID.randomUUID();
		var name = filename.isBlank() ? "upload.csv" : (filename.length() > 200 ? filename.substring(0, 200) : filename);
		jdbc.sql("""
				INSERT INTO drugchecking.import_job (id, session_id, uploaded_by, filename, content, size_bytes, header,
				  total_rows, status, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, 'UPLOADED', ?)""")
			.param(id)
			.param(sessionId)
			.param(username)
			.param(name)
			.param(content)
			.param((long) content.length)
			.param(textArray(header))
			.param(total)
			.param(Timestamp.from(now))
			.update();
		return find(id, username).orElseThrow();
	}

	private long megabytes() {
		return properties.maxFileSize().toMegabytes();
	}

	private static DrugCheckingRejectedException rejected(String message) {
		return new DrugCheckingRejectedException(List.of(new Problem("file", message)));
	}

	/** The user's import job; empty when there is none or another user uploaded it. */
	public Optional<SampleImportJob> job(UUID id, String username) {
		return find(id, username);
	}

	/** The first bad rows a failed job found, in row order. */
	public List<SampleImportReport.RowProblem> problems(UUID id, String username, int limit) {
		return jdbc.sql("""
				SELECT p.row_no, p.message FROM drugchecking.import_problem p
				  JOIN drugchecking.import_job j ON j.id = p.job_id
				 WHERE p.job_id = ? AND j.uploaded_by = ? ORDER BY p.position LIMIT ?""")
			.param(id)
			.param(username)
			.param(limit)
			.query((rs, row) -> new SampleImportReport.RowProblem(rs.getInt("row_no"), rs.getString("message")))
			.list();
	}

	/**
	 * Starts the user's uploaded job with this mapping, once: the job is queued and runs in the background. The mapping
	 * itself (its columns in the file's header) is checked with the rows.
	 * @return false, changing nothing, when the job has already been started (or is not the user's)
	 */
	public boolean start(UUID id, ImportMapping mapping, String username, String importedBy, Instant now) {
		int started = jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'QUEUED', map_sample_key = ?, map_substance = ?,
				  map_sold_as = ?, map_form = ?, map_trace = ?, map_method = ?, map_date = ?, map_mode = ?,
				  map_default_method = ?, imported_by = ?, started_at = ?, heartbeat_at = ?
				 WHERE id = ? AND uploaded_by = ? AND status = 'UPLOADED'""")
			.param(mapping.sampleKey())
			.param(mapping.substance())
			.param(mapping.soldAs())
			.param(mapping.form())
			.param(mapping.trace())
			.param(mapping.method())
			.param(mapping.date())
			.param(mapping.mode().name())
			.param(mapping.defaultMethod().name())
			.param(importedBy)
			.param(Timestamp.from(now))
			.param(Timestamp.from(now))
			.param(id)
			.param(username)
			.update();
		if (started == 1) {
			submit(id);
		}
		return started == 1;
	}

	private void submit(UUID id) {
		try {
			workers.execute(() -> run(id));
		}
		catch (RejectedExecutionException stopping) {
			log.info("Import {} stays queued: this instance is stopping", id);
		}
	}

	/** Thrown when another run has taken the job over; this run's work is rolled back. */
	private static final class Superseded extends RuntimeException {

		Superseded() {
			super(null, null, false, false);
		}

	}

	/** Runs a queued job, unless another worker has claimed it. */
	void run(UUID id) {
		var runId = UUID.randomUUID();
		var now = clock.instant();
		int claimed = jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'VALIDATING', run_id = ?, attempts = attempts + 1,
				  rows_done = 0, heartbeat_at = ? WHERE id = ? AND status = 'QUEUED'""")
			.param(runId)
			.param(Timestamp.from(now))
			.param(id)
			.update();
		if (claimed == 0) {
			return;
		}
		try {
			runClaimed(id, runId, now);
		}
		catch (Superseded superseded) {
			log.info("Import {} was taken over by another run", id);
		}
		catch (DrugCheckingRejectedException rejected) {
			fail(id, runId, "A sample could not be stored: "
					+ rejected.problems().stream().map(Problem::message).collect(Collectors.joining(" ")));
		}
		catch (RuntimeException unexpected) {
			var reference = UUID.randomUUID().toString().substring(0, 8);
			log.error("Import {} failed (reference {})", id, reference, unexpected);
			fail(id, runId, "The import stopped because of an unexpected error (reference " + reference
					+ "). Try again; if it happens again, quote the reference to your administrator.");
		}
	}

	private record Claimed(UUID sessionId, byte[] content, int totalRows, ImportMapping mapping, String importedBy) {
	}

	private void runClaimed(UUID id, UUID runId, Instant now) {
		var job = jdbc.sql("SELECT * FROM drugchecking.import_job WHERE id = ? AND run_id = ?")
			.param(id)
			.param(runId)
			.query((rs, row) -> new Claimed(rs.getObject("session_id", UUID.class), rs.getBytes("content"),
					rs.getInt("total_rows"),
					new ImportMapping(rs.getString("map_sample_key"), rs.getString("map_substance"),
							rs.getString("map_sold_as"), rs.getString("map_form"), rs.getString("map_trace"),
							rs.getString("map_method"), rs.getString("map_date"),
							SampleMode.valueOf(rs.getString("map_mode")),
							AnalysisMethod.valueOf(rs.getString("map_default_method"))),
					rs.getString("imported_by")))
			.optional()
			.orElseThrow(Superseded::new);
		var progress = new Progress(id, runId);
		var samples = new ArrayList<DrugCheckingManagement.ImportedSample>();
		var checked = drugChecking.parseImport(job.sessionId(), CsvReader.rows(reader(job.content())), job.mapping(),
				samples, progress);
		if (!checked.ok()) {
			badRows(id, runId, checked);
			return;
		}
		progress.phase(SampleImportJob.Status.IMPORTING);
		transaction.executeWithoutResult(tx -> {
			var report = drugChecking.storeImport(job.sessionId(), checked, samples, job.mapping(), job.importedBy(),
					now, progress);
			// In the import's own transaction: the samples and "done" are stored together, or neither is.
			int done = jdbc.sql("""
					UPDATE drugchecking.import_job SET status = 'DONE', rows_done = total_rows, samples = ?, imported = ?,
					  already_imported = ?, content = NULL, finished_at = ?, heartbeat_at = ?
					 WHERE id = ? AND run_id = ? AND status = 'IMPORTING'""")
				.param(report.samples())
				.param(report.imported())
				.param(report.alreadyImported())
				.param(Timestamp.from(clock.instant()))
				.param(Timestamp.from(clock.instant()))
				.param(id)
				.param(runId)
				.update();
			if (done != 1) {
				throw new Superseded();
			}
		});
	}

	private void badRows(UUID id, UUID runId, SampleImportReport report) {
		transaction.executeWithoutResult(tx -> {
			int failed = jdbc.sql("""
					UPDATE drugchecking.import_job SET status = 'FAILED', samples = ?, imported = 0, content = NULL,
					  finished_at = ?, heartbeat_at = ? WHERE id = ? AND run_id = ? AND status = 'VALIDATING'""")
				.param(report.samples())
				.param(Timestamp.from(clock.instant()))
				.param(Timestamp.from(clock.instant()))
				.param(id)
				.param(runId)
				.update();
			if (failed != 1) {
				throw new Superseded();
			}
			var problems = report.problems();
			var kept = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
			for (int i = 0; i < kept.size(); i++) {
				jdbc.sql("INSERT INTO drugchecking.import_problem (job_id, row_no, position, message) VALUES (?, ?, ?, ?)")
					.param(id)
					.param(kept.get(i).row())
					.param(i)
					.param(kept.get(i).message())
					.update();
			}
			jdbc.sql("UPDATE drugchecking.import_job SET rows_done = least(?, total_rows), problem_count = ? WHERE id = ?")
				.param(report.rows())
				.param(problems.size())
				.param(id)
				.update();
		});
	}

	private void fail(UUID id, UUID runId, String why) {
		jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'FAILED', failure = ?, imported = 0, content = NULL,
				  finished_at = ? WHERE id = ? AND run_id = ? AND status IN ('VALIDATING', 'IMPORTING')""")
			.param(why)
			.param(Timestamp.from(clock.instant()))
			.param(id)
			.param(runId)
			.update();
	}

	/**
	 * Records how far a run has got, in its own transaction so the progress page sees it while the import's
	 * transaction is still open; at most a few times a second. Each write is also the run's heartbeat, and fails the run
	 * when another has taken the job over.
	 */
	private final class Progress implements DrugCheckingManagement.ImportProgress {

		private static final long EVERY_NANOS = 250_000_000L;

		private final UUID id;

		private final UUID runId;

		private long last = System.nanoTime();

		Progress(UUID id, UUID runId) {
			this.id = id;
			this.runId = runId;
		}

		@Override
		public void checked(int rows) {
			report(rows);
		}

		@Override
		public void stored(int rows) {
			report(rows);
		}

		private void report(int rows) {
			long at = System.nanoTime();
			if (at - last < EVERY_NANOS) {
				return;
			}
			last = at;
			write("UPDATE drugchecking.import_job SET rows_done = least(?, total_rows), heartbeat_at = ? WHERE id = ? AND run_id = ?",
					rows);
		}

		void phase(SampleImportJob.Status status) {
			write("UPDATE drugchecking.import_job SET status = '" + status.name()
					+ "', rows_done = ?, heartbeat_at = ? WHERE id = ? AND run_id = ?", 0);
			last = System.nanoTime();
		}

		private void write(String sql, int rows) {
			Integer updated = separately.execute(tx -> jdbc.sql(sql)
				.param(rows)
				.param(Timestamp.from(clock.instant()))
				.param(id)
				.param(runId)
				.update());
			if (updated == null || updated != 1) {
				throw new Superseded();
			}
		}

	}

	/**
	 * Queues again the runs whose instance went away (no progress for {@code stale-after}; at most
	 * {@value #MAX_ATTEMPTS} attempts), runs queued jobs no worker took, and deletes finished jobs and unstarted
	 * uploads older than {@code keep-for}.
	 */
	@Scheduled(fixedDelayString = "${harmwatch.drug-checking.import.sweep-every:PT1M}",
			initialDelayString = "${harmwatch.drug-checking.import.sweep-initial-delay:PT1M}")
	@SchedulerLock(name = "drugchecking-import-sweep")
	public void sweep() {
		sweep(clock.instant());
	}

	/** {@link #sweep()} at the given time. */
	public void sweep(Instant now) {
		var stale = Timestamp.from(now.minus(properties.staleAfter()));
		jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'FAILED', content = NULL, imported = 0, finished_at = ?,
				  failure = 'The import was interrupted ' || attempts || ' times, so it was stopped. Nothing was imported.'
				 WHERE status IN ('VALIDATING', 'IMPORTING') AND heartbeat_at < ? AND attempts >= ?""")
			.param(Timestamp.from(now))
			.param(stale)
			.param(MAX_ATTEMPTS)
			.update();
		jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'QUEUED', run_id = NULL, rows_done = 0
				 WHERE status IN ('VALIDATING', 'IMPORTING') AND heartbeat_at < ?""")
			.param(stale)
			.update();
		jdbc.sql("SELECT id FROM drugchecking.import_job WHERE status = 'QUEUED' AND heartbeat_at < ? ORDER BY started_at")
			.param(stale)
			.query(UUID.class)
			.list()
			.forEach(this::submit);
		var old = Timestamp.from(now.minus(properties.keepFor()));
		int deleted = jdbc.sql("""
				DELETE FROM drugchecking.import_job WHERE (status IN ('DONE', 'FAILED') AND finished_at < ?)
				  OR (status = 'UPLOADED' AND uploaded_at < ?)""")
			.param(old)
			.param(old)
			.update();
		if (deleted > 0) {
			log.info("Deleted {} old CSV import job(s)", deleted);
		}
	}

	private Optional<SampleImportJob> find(UUID id, String username) {
		return jdbc.sql("""
				SELECT id, session_id, filename, size_bytes, header, total_rows, status, rows_done, samples, imported,
				  already_imported, problem_count, failure, uploaded_at, finished_at
				  FROM drugchecking.import_job WHERE id = ? AND uploaded_by = ?""")
			.param(id)
			.param(username)
			.query(DrugCheckingImports::job)
			.optional();
	}

	private static SampleImportJob job(ResultSet rs, int row) throws SQLException {
		var status = SampleImportJob.Status.valueOf(rs.getString("status"));
		var finished = rs.getTimestamp("finished_at");
		return new SampleImportJob(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
				rs.getString("filename"), rs.getLong("size_bytes"), strings(rs.getArray("header")),
				rs.getInt("total_rows"), status, rs.getInt("rows_done"), integer(rs, "samples"),
				integer(rs, "imported"), integer(rs, "already_imported"), rs.getInt("problem_count"), rs.getString("failure"), rs.getTimestamp("uploaded_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static String textArray(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static BufferedReader reader(byte[] content) {
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), 65_536);
	}

}
