package org.harmwatch.platform.imports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.CsvReader;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued import jobs on this instance's workers.
 *
 * <p>
 * A job is claimed with a lease in the database ({@code FOR UPDATE SKIP LOCKED}, so two
 * instances never claim the same job); every progress write renews the lease and fails
 * the run when another has taken the job over. A job whose lease expired (its instance
 * went away; its transaction was rolled back) is claimed again by whichever instance
 * polls next, at most {@code harmwatch.imports.max-attempts} times. A run checks every
 * row, then stores every record in one transaction together with the job's "done": all or
 * nothing. A kind that {@linkplain ImportKind#storesWhileChecking() stores while
 * checking} has its rows stored in that transaction as they are checked, and rolled back
 * when a row turns out bad.
 */
@Component
class ImportWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	private final JdbcClient jdbc;

	/** For the file's content, fetched in binary rather than as hex text. */
	private final JdbcTemplate binary;

	private final ImportJobs jobs;

	private final AuditLog audit;

	private final ObjectProvider<ImportKind<?>> kinds;

	private final ImportProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final TransactionTemplate readOnly;

	private final ExecutorService workers;

	private final Semaphore slots;

	/** Parses the rows of kinds that allow it on every core. */
	private final ExecutorService checkers;

	ImportWorker(JdbcClient jdbc, DataSource dataSource, ImportJobs jobs, AuditLog audit,
			ObjectProvider<ImportKind<?>> kinds, ImportProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.binary = new JdbcTemplate(dataSource);
		this.jobs = jobs;
		this.audit = audit;
		this.kinds = kinds;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.workers = Executors.newFixedThreadPool(properties.threads(),
				Thread.ofPlatform().name("import-", 1).daemon(true).factory());
		this.slots = new Semaphore(properties.threads());
		this.checkers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
				Thread.ofPlatform().name("import-check-", 1).daemon(true).factory());
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
		checkers.shutdownNow();
	}

	/** The kind of this name, if a module declares it. */
	Optional<ImportKind<?>> kind(String name) {
		return kinds.orderedStream().filter(k -> k.name().equals(name)).findFirst();
	}

	/** A job this run holds. */
	record Claim(UUID id, UUID runId) {
	}

	/**
	 * Claims a waiting job (queued, or running under an expired lease), the given one or
	 * the oldest; nothing when none is waiting or another claimant holds its row locked.
	 */
	Optional<Claim> claim(@Nullable UUID id, Instant now) {
		var runId = UUID.randomUUID();
		var claimed = jdbc
			.sql("""
					UPDATE platform.import_job j SET status = 'VALIDATING', lease_owner = ?, lease_until = ?,
					  attempts = j.attempts + 1, rows_done = 0, rows_stored = 0
					 WHERE j.id = (SELECT w.id FROM platform.import_job w
					                WHERE (w.status = 'QUEUED' OR (w.status IN ('VALIDATING', 'IMPORTING') AND w.lease_until < ?))
					                  AND w.attempts < ? AND (CAST(? AS uuid) IS NULL OR w.id = ?)
					                ORDER BY w.started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
					RETURNING j.id""")
			.param(runId)
			.param(Timestamp.from(now.plus(properties.lease())))
			.param(Timestamp.from(now))
			.param(properties.maxAttempts())
			.param(id)
			.param(id)
			.query(UUID.class)
			.optional();
		return claimed.map(job -> new Claim(job, runId));
	}

	/**
	 * {@link #submit} once the caller's transaction (which queued the job) has committed.
	 */
	void submitAfterCommit(UUID id) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					submit(id);
				}
			});
		}
		else {
			submit(id);
		}
	}

	/**
	 * Runs the job on a worker of this instance as soon as one is free; a later poll
	 * picks it up otherwise.
	 */
	void submit(UUID id) {
		if (!slots.tryAcquire()) {
			return;
		}
		try {
			workers.execute(() -> {
				try {
					claim(id, clock.instant()).ifPresent(this::run);
				}
				finally {
					slots.release();
				}
			});
		}
		catch (RejectedExecutionException stopping) {
			slots.release();
			log.info("Import {} stays queued: this instance is stopping", id);
		}
	}

	/**
	 * Stops the jobs interrupted too often, deletes old ones, and claims waiting jobs
	 * while this instance has free workers; polled on every instance.
	 */
	@Scheduled(fixedDelayString = "${harmwatch.imports.poll-every:PT5S}",
			initialDelayString = "${harmwatch.imports.poll-initial-delay:PT30S}")
	public void poll() {
		sweep(clock.instant());
	}

	/** {@link #poll()} at the given time; the number of jobs claimed. */
	int sweep(Instant now) {
		jdbc.sql(
				"""
						UPDATE platform.import_job SET status = 'FAILED', content = NULL, finished_at = ?, lease_owner = NULL,
						  rows_stored = 0, failure_code = 'imports.failure.interrupted', failure_arguments = ARRAY[attempts::text]
						 WHERE status IN ('VALIDATING', 'IMPORTING') AND lease_until < ? AND attempts >= ?""")
			.param(Timestamp.from(now))
			.param(Timestamp.from(now))
			.param(properties.maxAttempts())
			.update();
		var old = Timestamp.from(now.minus(properties.keepFor()));
		int deleted = jdbc.sql("""
				DELETE FROM platform.import_job WHERE (status IN ('DONE', 'FAILED') AND finished_at < ?)
				  OR (status IN ('UPLOADED', 'CHECKED') AND uploaded_at < ?)""").param(old).param(old).update();
		if (deleted > 0) {
			log.info("Deleted {} old CSV import job(s)", deleted);
		}
		int claimed = 0;
		while (slots.tryAcquire()) {
			var claim = claim(null, now);
			if (claim.isEmpty()) {
				slots.release();
				break;
			}
			claimed++;
			try {
				workers.execute(() -> {
					try {
						run(claim.get());
					}
					finally {
						slots.release();
					}
				});
			}
			catch (RejectedExecutionException stopping) {
				slots.release();
				break;
			}
		}
		return claimed;
	}

	/** Thrown when another run has taken the job over; this run's work is rolled back. */
	static final class Superseded extends RuntimeException {

		Superseded() {
			super(null, null, false, false);
		}

	}

	/**
	 * A claimed job's file and what it was started with.
	 *
	 * @param preview whether this run only checks and records what storing would change
	 * (a job checked first and not yet confirmed)
	 */
	private record Loaded(String kind, @Nullable String scope, byte[] content, ColumnMapping mapping,
			Map<String, String> options, String importedBy, Instant startedAt, boolean preview,
			@Nullable String startedBy, String agencyCode) {
	}

	/** Runs a claimed job to its end, unless another run takes it over. */
	void run(Claim claim) {
		try {
			var job = load(claim);
			var kind = kind(job.kind())
				.orElseThrow(() -> new ImportFailedException("imports.failure.kindGone", List.of(job.kind())));
			runKind(kind, claim, job);
		}
		catch (Superseded superseded) {
			log.info("Import {} was taken over by another run", claim.id());
		}
		catch (ImportFailedException failed) {
			fail(claim, failed.code(), failed.arguments());
		}
		catch (RuntimeException unexpected) {
			var reference = UUID.randomUUID().toString().substring(0, 8);
			log.error("Import {} failed (reference {})", claim.id(), reference, unexpected);
			fail(claim, "imports.failure.unexpected", List.of(reference));
		}
	}

	private Loaded load(Claim claim) {
		var content = content(claim);
		return jdbc.sql("""
				SELECT kind, scope, mapping_columns, mapping_headers, option_names, option_values, imported_by,
				  started_at, check_first AND confirmed_at IS NULL AS preview, started_by, agency_code
				 FROM platform.import_job WHERE id = ? AND lease_owner = ? AND content IS NOT NULL""")
			.param(claim.id())
			.param(claim.runId())
			.query((rs, row) -> new Loaded(rs.getString("kind"), rs.getString("scope"), content,
					new ColumnMapping(pairs(ImportJobs.strings(rs.getArray("mapping_columns")),
							ImportJobs.strings(rs.getArray("mapping_headers")))),
					pairs(ImportJobs.strings(rs.getArray("option_names")),
							ImportJobs.strings(rs.getArray("option_values"))),
					rs.getString("imported_by"), rs.getTimestamp("started_at").toInstant(), rs.getBoolean("preview"),
					rs.getString("started_by"), rs.getString("agency_code")))
			.optional()
			.orElseThrow(Superseded::new);
	}

	/**
	 * The job's file. The driver reads a {@code bytea} as hex text (twice its size,
	 * decoded a byte at a time: a second for a 92 MB file, before checking could begin)
	 * unless the statement asks for binary results, which a negative prepare threshold
	 * does.
	 */
	private byte[] content(Claim claim) {
		var content = binary.query(connection -> {
			var statement = connection.prepareStatement(
					"SELECT content FROM platform.import_job WHERE id = ? AND lease_owner = ? AND content IS NOT NULL");
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			statement.setObject(1, claim.id());
			statement.setObject(2, claim.runId());
			return statement;
		}, (rs, row) -> rs.getBytes(1));
		if (content.isEmpty()) {
			throw new Superseded();
		}
		return content.get(0);
	}

	private static Map<String, String> pairs(List<String> names, List<String> values) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i < names.size() && i < values.size(); i++) {
			map.put(names.get(i), values.get(i));
		}
		return map;
	}

	private <R> void runKind(ImportKind<R> kind, Claim claim, Loaded job) {
		var progress = new Progress(claim);
		if (!job.preview() && kind.storesWhileChecking() && kind.parsesInParallel()) {
			storeWhileChecking(kind, claim, job, progress);
			return;
		}
		var checked = RowChecker.check(kind, CsvReader.rows(reader(job.content())), job.mapping(), job.options(),
				progress::report, checkers);
		if (!checked.ok()) {
			badRows(kind, claim, job, checked);
			return;
		}
		var records = checked.records().stream().map(ImportKind.Parsed::record).toList();
		if (job.preview()) {
			checkedFirst(kind, claim, job, records);
			return;
		}
		progress.phase(ImportJob.Status.IMPORTING, 0);
		transaction.executeWithoutResult(tx -> {
			var outcome = kind.store(records,
					new ImportContext(job.scope(), job.options(), job.importedBy(), job.startedAt(), progress::report,
							job.startedBy(), job.agencyCode(), changed -> jobs.insertPreview(claim.id(), changed)));
			done(claim, outcome);
		});
	}

	/**
	 * Checks the rows and stores them as they are checked, in one transaction: the job
	 * page shows the rows checked, then (once all are) the rows stored. When a row is bad
	 * the rest is still checked, so that every bad row is named, and everything stored is
	 * rolled back: all or nothing, as when storing waits for the check.
	 */
	private <R> void storeWhileChecking(ImportKind<R> kind, Claim claim, Loaded job, Progress progress) {
		var stored = new Object() {
			int rows;

			boolean shown;

		};
		var bad = transaction.execute(tx -> {
			var context = new ImportContext(job.scope(), job.options(), job.importedBy(), job.startedAt(), rows -> {
				stored.rows = rows;
				if (stored.shown) {
					progress.report(rows);
				}
				else {
					progress.stored(rows);
				}
			}, job.startedBy(), job.agencyCode(), changed -> jobs.insertPreview(claim.id(), changed));
			try (var storing = kind.storing(context)) {
				var checked = RowChecker.check(kind, CsvReader.rows(reader(job.content())), job.mapping(),
						job.options(), progress::report, checkers,
						block -> storing.accept(block.stream().map(ImportKind.Parsed::record).toList()));
				if (!checked.ok()) {
					tx.setRollbackOnly();
					return checked;
				}
				progress.phase(ImportJob.Status.IMPORTING, stored.rows);
				stored.shown = true;
				done(claim, storing.finish());
				return null;
			}
		});
		if (bad != null) {
			badRows(kind, claim, job, bad);
		}
	}

	/**
	 * Marks the job done with its outcome, in the import's own transaction: the records
	 * and "done" are stored together, or neither is.
	 */
	private void done(Claim claim, ImportOutcome outcome) {
		int done = jdbc.sql("""
				UPDATE platform.import_job SET status = 'DONE', rows_done = total_rows, records = ?, stored = ?,
				  skipped = ?, content = NULL, finished_at = ?, lease_owner = NULL
				 WHERE id = ? AND lease_owner = ? AND status = 'IMPORTING'""")
			.param(outcome.records())
			.param(outcome.stored())
			.param(outcome.skipped())
			.param(Timestamp.from(clock.instant()))
			.param(claim.id())
			.param(claim.runId())
			.update();
		if (done != 1) {
			throw new Superseded();
		}
	}

	/**
	 * Records what storing the records would change, writing nothing else, and leaves the
	 * job (with its file) waiting for a person to confirm it.
	 */
	private <R> void checkedFirst(ImportKind<R> kind, Claim claim, Loaded job, List<R> records) {
		var preview = readOnly.execute(tx -> kind.preview(records,
				new ImportContext(job.scope(), job.options(), job.importedBy(), job.startedAt(), rows -> {
				}, job.startedBy(), job.agencyCode(), changed -> {
				})));
		transaction.executeWithoutResult(tx -> {
			int checked = jdbc.sql("""
					UPDATE platform.import_job SET status = 'CHECKED', rows_done = total_rows, lease_owner = NULL,
					  lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'VALIDATING'""")
				.param(claim.id())
				.param(claim.runId())
				.update();
			if (checked != 1) {
				throw new Superseded();
			}
			jobs.insertPreview(claim.id(), Objects.requireNonNull(preview));
		});
	}

	/** Ends the job with its bad rows (and audits it), in one transaction. */
	private void badRows(ImportKind<?> kind, Claim claim, Loaded job, RowChecker.Checked<?> checked) {
		transaction.executeWithoutResult(tx -> {
			var problems = checked.problems();
			int failed = jdbc
				.sql("""
						UPDATE platform.import_job SET status = 'FAILED', rows_done = least(?, total_rows), rows_stored = 0, problem_count = ?,
						  content = NULL, finished_at = ?, lease_owner = NULL
						 WHERE id = ? AND lease_owner = ? AND status = 'VALIDATING'""")
				.param(checked.rows())
				.param(problems.size())
				.param(Timestamp.from(clock.instant()))
				.param(claim.id())
				.param(claim.runId())
				.update();
			if (failed != 1) {
				throw new Superseded();
			}
			jobs.insertProblems(claim.id(), problems);
			var startedBy = job.startedBy();
			audit.recordFor(startedBy == null ? "system" : startedBy, job.agencyCode(), ImportAudit.IMPORT_REFUSED,
					"import-job", claim.id().toString(), kind.grant().purpose(), AuditLog.Outcome.FAILED, kind.name()
							+ ", " + problems.size() + " bad rows in " + checked.rows() + " rows; nothing imported");
		});
	}

	private void fail(Claim claim, String code, List<String> arguments) {
		jdbc.sql(
				"""
						UPDATE platform.import_job SET status = 'FAILED', failure_code = ?, failure_arguments = ?, content = NULL,
						  rows_stored = 0, finished_at = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ? AND status IN ('VALIDATING', 'IMPORTING')""")
			.param(code)
			.param(arguments.toArray(String[]::new))
			.param(Timestamp.from(clock.instant()))
			.param(claim.id())
			.param(claim.runId())
			.update();
	}

	/**
	 * Records how far a run has got, in its own transaction so the progress page sees it
	 * while the import's transaction is still open; at most a few times a second. Each
	 * write renews the lease, and fails the run when another has taken the job over.
	 */
	final class Progress {

		private static final long EVERY_NANOS = 250_000_000L;

		private final Claim claim;

		private long last = System.nanoTime();

		Progress(Claim claim) {
			this.claim = claim;
		}

		void report(int rows) {
			long at = System.nanoTime();
			if (at - last < EVERY_NANOS) {
				return;
			}
			last = at;
			write("UPDATE platform.import_job SET rows_done = least(?, total_rows), lease_until = ? "
					+ "WHERE id = ? AND lease_owner = ?", rows);
		}

		/**
		 * Rows stored so far while the rest is still checked, written at once: a kind
		 * stores thousands of rows at a time, so this comes seldom.
		 */
		void stored(int rows) {
			write("UPDATE platform.import_job SET rows_stored = least(?, total_rows), lease_until = ? "
					+ "WHERE id = ? AND lease_owner = ?", rows);
		}

		void phase(ImportJob.Status status, int rows) {
			write("UPDATE platform.import_job SET status = '" + status.name() + "', rows_done = ?, lease_until = ? "
					+ "WHERE id = ? AND lease_owner = ?", rows);
			last = System.nanoTime();
		}

		private void write(String sql, int rows) {
			Integer updated = separately.execute(tx -> jdbc.sql(sql)
				.param(rows)
				.param(Timestamp.from(clock.instant().plus(properties.lease())))
				.param(claim.id())
				.param(claim.runId())
				.update());
			if (updated == null || updated != 1) {
				throw new Superseded();
			}
		}

	}

	static BufferedReader reader(byte[] content) {
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
				65_536);
	}

}
