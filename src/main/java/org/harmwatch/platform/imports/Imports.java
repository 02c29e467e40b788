package org.harmwatch.platform.imports;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.CsvReader;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.SafeText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every module's CSV import: the upload kept in the database, the column mapping, the
 * background job and its bad rows (see the package documentation and
 * docs/adr/0010-one-import-facility-and-commons-csv.md).
 *
 * <p>
 * A job belongs to the uploader's agency. Someone sees, starts and reads it only when
 * they belong to that agency and hold the kind's {@link ImportKind#grant()}; for anyone
 * else there is no such job. Every read is audited, refusals too.
 */
@Service
public class Imports {

	private final ImportJobs jobs;

	private final ImportWorker worker;

	private final AuditLog audit;

	private final ImportProperties properties;

	private final Clock clock;

	Imports(ImportJobs jobs, ImportWorker worker, AuditLog audit, ImportProperties properties, Clock clock) {
		this.jobs = jobs;
		this.worker = worker;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** The largest file accepted, in bytes. */
	public long maxFileSize() {
		return properties.maxFileSize().toBytes();
	}

	/** The largest file accepted, in whole megabytes, for the upload form. */
	public long maxMegabytes() {
		return properties.maxFileSize().toMegabytes();
	}

	/**
	 * Keeps an uploaded CSV for its uploader's agency to map. It must be UTF-8 text (not
	 * a spreadsheet or an image), CSV, with a header of at least two columns and between
	 * one and {@link ImportKind#maxRows()} data rows.
	 * @param scope what the kind imports into (e.g. a session id), given back to
	 * {@link ImportKind#store}; the caller has checked that the user may import into it
	 * @throws ImportRejectedException saying what is wrong with the file; nothing is
	 * stored then
	 */
	public ImportJob upload(ImportKind<?> kind, @Nullable String scope, @Nullable String filename, byte[] content,
			HarmwatchUser user) {
		if (content.length == 0 || content.length > maxFileSize()) {
			throw rejected("imports.rejected.size", maxMegabytes());
		}
		if (SafeText.isBinary(content)) {
			throw rejected("imports.rejected.binary");
		}
		String text;
		try {
			text = SafeText.decodeUtf8(content);
		}
		catch (SafeText.NotText ex) {
			throw rejected("imports.rejected.notText", ex.getMessage());
		}
		List<String> header;
		int total = 0;
		try {
			var rows = CsvReader.rows(new StringReader(text));
			header = rows.hasNext() ? RowChecker.header(rows.next()) : List.of();
			if (header.size() < 2) {
				throw rejected("imports.rejected.noHeader");
			}
			while (rows.hasNext()) {
				if (!rows.next().blank()) {
					total++;
				}
			}
		}
		catch (CsvReader.MalformedCsvException ex) {
			throw rejected("imports.rejected.malformed", ex.getMessage(), ex.line());
		}
		if (total == 0) {
			throw rejected("imports.rejected.noRows");
		}
		if (total > kind.maxRows()) {
			throw rejected("imports.rejected.tooManyRows", String.format(Locale.ENGLISH, "%,d", total),
					String.format(Locale.ENGLISH, "%,d", kind.maxRows()));
		}
		var id = UUID.randomUUID();
		var name = filename == null || filename.isBlank() ? "upload.csv"
				: (filename.length() > 200 ? filename.substring(0, 200) : filename);
		jobs.insert(id, kind.name(), user.agencyCode(), scope, user.getUsername(), name, content, header, total,
				clock.instant());
		audit.recordFor(user.getUsername(), user.agencyCode(), ImportAudit.IMPORT_UPLOADED, "import-job", id.toString(),
				kind.grant().purpose(), AuditLog.Outcome.ALLOWED, kind.name() + ", " + total + " rows");
		return jobs.find(id).orElseThrow();
	}

	/**
	 * The job of this kind, if the user may see it (audited); empty when there is none or
	 * they may not.
	 */
	public Optional<ImportJob> job(ImportKind<?> kind, UUID id, HarmwatchUser user) {
		return visible(kind, id, user, ImportAudit.IMPORT_JOB_VIEWED);
	}

	/**
	 * The first bad rows a failed job found, in row order; empty when the user may not
	 * see the job (audited).
	 */
	public List<ImportProblem> problems(ImportKind<?> kind, UUID id, HarmwatchUser user, int limit) {
		return visible(kind, id, user, ImportAudit.IMPORT_PROBLEMS_VIEWED).map(job -> jobs.problems(job.id(), limit))
			.orElse(List.of());
	}

	private Optional<ImportJob> visible(ImportKind<?> kind, UUID id, HarmwatchUser user, ImportAudit action) {
		var job = jobs.find(id).filter(j -> j.kind().equals(kind.name()));
		if (job.isEmpty()) {
			return job;
		}
		var grant = kind.grant();
		if (!job.get().agencyCode().equals(user.agencyCode())
				|| !user.may(grant.capability(), grant.action(), grant.purpose())) {
			audit.recordFor(user.getUsername(), user.agencyCode(), action, "import-job", id.toString(), grant.purpose(),
					AuditLog.Outcome.DENIED, "the job belongs to " + job.get().agencyCode() + " and needs " + grant);
			return Optional.empty();
		}
		audit.recordFor(user.getUsername(), user.agencyCode(), action, "import-job", id.toString(), grant.purpose(),
				AuditLog.Outcome.ALLOWED, kind.name());
		return job;
	}

	/**
	 * The mapping to offer for the job's file: what its agency confirmed last time, else
	 * the kind's guesses.
	 */
	public ColumnMapping guess(ImportKind<?> kind, ImportJob job) {
		return ColumnMapping.guess(kind, job.header(), jobs.savedMapping(job.agencyCode(), kind.name()));
	}

	/**
	 * Starts the job with this mapping, once: it is queued and runs in the background on
	 * whichever instance claims it first. The mapping is saved as the agency's guess for
	 * its next file. Check it first with {@link ColumnMapping#problems}; the rows are
	 * checked by the job.
	 * @param options what the kind's rows and store read besides the columns (e.g. a
	 * default)
	 * @return false, changing nothing, when the job has been started already or the user
	 * may not see it
	 */
	@Transactional
	public boolean start(ImportKind<?> kind, UUID id, ColumnMapping mapping, Map<String, String> options,
			HarmwatchUser user) {
		return queue(kind, id, mapping, options, user, false);
	}

	/**
	 * Starts the job with this mapping to check first, once: it is queued, checks every
	 * row in the background, and, when every row is good, records what storing would
	 * change ({@link ImportKind#preview}) and waits at {@link ImportJob.Status#CHECKED}
	 * for {@link #confirm}, keeping the file; nothing is stored until then. Bad rows end
	 * it as {@link #start} does.
	 * @return false, changing nothing, when the job has been started already or the user
	 * may not see it
	 */
	@Transactional
	public boolean checkFirst(ImportKind<?> kind, UUID id, ColumnMapping mapping, Map<String, String> options,
			HarmwatchUser user) {
		return queue(kind, id, mapping, options, user, true);
	}

	private boolean queue(ImportKind<?> kind, UUID id, ColumnMapping mapping, Map<String, String> options,
			HarmwatchUser user, boolean checkFirst) {
		var job = visible(kind, id, user, ImportAudit.IMPORT_JOB_STARTED);
		if (job.isEmpty() || !jobs.queue(id, mapping, options, user.displayName(), user.getUsername(), clock.instant(),
				checkFirst)) {
			return false;
		}
		jobs.saveMapping(user.agencyCode(), kind.name(), mapping, clock.instant());
		worker.submitAfterCommit(id);
		return true;
	}

	/**
	 * Drops an upload not yet started (e.g. one whose header the module refuses), with
	 * its file; false when it was started already or the user may not see it.
	 */
	@Transactional
	public boolean discard(ImportKind<?> kind, UUID id, HarmwatchUser user) {
		return visible(kind, id, user, ImportAudit.IMPORT_JOB_DISCARDED).map(job -> jobs.discard(job.id()))
			.orElse(false);
	}

	/**
	 * What a job checked first would change, once {@link ImportJob.Status#CHECKED} (and
	 * kept after it is confirmed); empty when the user may not see the job or it has not
	 * been checked (audited).
	 */
	public Optional<ImportPreview> preview(ImportKind<?> kind, UUID id, HarmwatchUser user) {
		return visible(kind, id, user, ImportAudit.IMPORT_JOB_VIEWED).filter(ImportJob::checkFirst)
			.map(job -> jobs.preview(job.id()))
			.filter(preview -> !preview.changes().isEmpty());
	}

	/**
	 * Confirms a job checked first: it is queued again, checks every row again (what it
	 * imports into may have changed meanwhile), then stores every record or, if any row
	 * is bad now, none, as {@link #start} does. Another instance may run it.
	 * @return false, changing nothing, when the job is not waiting for a confirmation
	 * (e.g. confirmed already) or the user may not see it
	 */
	@Transactional
	public boolean confirm(ImportKind<?> kind, UUID id, HarmwatchUser user) {
		var job = visible(kind, id, user, ImportAudit.IMPORT_JOB_CONFIRMED);
		if (job.isEmpty() || !jobs.confirm(id, user.displayName(), user.getUsername(), clock.instant())) {
			return false;
		}
		worker.submitAfterCommit(id);
		return true;
	}

	/**
	 * A job's status as the progress page's script and other clients read it: the
	 * facility's JSON, its texts in words for the reader.
	 *
	 * @param rowsDone rows checked (status {@code VALIDATING}) or stored
	 * ({@code IMPORTING})
	 * @param finished done or failed
	 * @param waiting waiting for a person: a mapping, or a confirmation of what it would
	 * change
	 * @param records records the file describes, once imported
	 * @param problemCount bad rows found; nothing was imported when there are any
	 * @param failure why it stopped when it was not bad rows, in words
	 * @param failureCode the message code of {@code failure}
	 * @param rowsStored rows stored so far while still checking (kept only if every row
	 * is good)
	 */
	public record Status(UUID id, ImportJob.Status status, boolean finished, boolean waiting, int totalRows,
			int rowsDone, @Nullable Integer records, @Nullable Integer stored, @Nullable Integer skipped,
			int problemCount, @Nullable String failure, @Nullable String failureCode, int rowsStored) {

		/** The status of this job. */
		public static Status of(ImportJob job) {
			var outcome = job.outcome();
			return new Status(job.id(), job.status(), job.finished(), job.waiting(), job.totalRows(), job.rowsDone(),
					outcome == null ? null : outcome.records(), outcome == null ? null : outcome.stored(),
					outcome == null ? null : outcome.skipped(), job.problemCount(), job.failure(), job.failureCode(),
					job.storingWhileChecking() ? job.rowsStored() : 0);
		}

	}

	private ImportRejectedException rejected(String code, @Nullable Object... arguments) {
		var strings = ImportProblem.strings(arguments);
		return new ImportRejectedException(code, strings, jobs.text(code, strings));
	}

	/**
	 * What checking a whole file found, or what importing it stored.
	 *
	 * @param rows data rows read (the header not counted)
	 * @param records records the valid rows describe ({@link ImportKind#describes}); 0
	 * when there are problems
	 * @param outcome what was stored; null when only checking, or when there are problems
	 */
	public record Report(int rows, int records, List<ImportProblem> problems, @Nullable ImportOutcome outcome) {

		public Report {
			problems = List.copyOf(problems);
		}

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	/**
	 * Checks a file's every row against the kind and mapping, at once and storing
	 * nothing.
	 */
	public <R> Report check(ImportKind<R> kind, String csv, ColumnMapping mapping, Map<String, String> options) {
		var checked = RowChecker.check(kind, CsvReader.rows(new StringReader(csv)), mapping, options, rows -> {
		});
		var records = checked.records().stream().map(ImportKind.Parsed::record).toList();
		return new Report(checked.rows(), checked.ok() ? kind.describes(records) : 0, resolved(checked.problems()),
				null);
	}

	/**
	 * Imports a small file at once, in the caller's thread and one transaction: all or
	 * nothing, every bad row named. For files a person uploads, prefer {@link #upload}
	 * and {@link #start}.
	 */
	@Transactional
	public <R> Report importNow(ImportKind<R> kind, @Nullable String scope, String csv, ColumnMapping mapping,
			Map<String, String> options, String importedBy, Instant now) {
		var checked = RowChecker.check(kind, CsvReader.rows(new StringReader(csv)), mapping, options, rows -> {
		});
		if (!checked.ok()) {
			return new Report(checked.rows(), 0, resolved(checked.problems()), null);
		}
		var records = checked.records().stream().map(ImportKind.Parsed::record).toList();
		var outcome = kind.store(records, new ImportContext(scope, options, importedBy, now, rows -> {
		}));
		return new Report(checked.rows(), outcome.records(), List.of(), outcome);
	}

	private List<ImportProblem> resolved(List<ImportProblem> problems) {
		return problems.stream().map(jobs::resolved).toList();
	}

}
