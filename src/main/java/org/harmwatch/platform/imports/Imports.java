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
			throw new ImportRejectedException("Choose a CSV file smaller than " + maxMegabytes() + " MB.");
		}
		if (SafeText.isBinary(content)) {
			throw new ImportRejectedException("This is not a CSV file: it holds binary data, as a spreadsheet or an "
					+ "image does. In the spreadsheet, save it as \"CSV UTF-8 (comma delimited)\" and choose that file.");
		}
		String text;
		try {
			text = SafeText.decodeUtf8(content);
		}
		catch (SafeText.NotText ex) {
			throw new ImportRejectedException("This is not a CSV file the import can read: " + ex.getMessage()
					+ ". In the spreadsheet, save it as \"CSV UTF-8 (comma delimited)\" and choose that file.");
		}
		List<String> header;
		int total = 0;
		try {
			var rows = CsvReader.rows(new StringReader(text));
			header = rows.hasNext() ? RowChecker.header(rows.next()) : List.of();
			if (header.size() < 2) {
				throw new ImportRejectedException("The file has no header row of comma-separated columns.");
			}
			while (rows.hasNext()) {
				if (!rows.next().blank()) {
					total++;
				}
			}
		}
		catch (CsvReader.MalformedCsvException ex) {
			throw new ImportRejectedException(
					"This is not a CSV file the import can read: " + ex.getMessage() + " (line " + ex.line() + ").");
		}
		if (total == 0) {
			throw new ImportRejectedException("The file has a header but no rows.");
		}
		if (total > kind.maxRows()) {
			throw new ImportRejectedException(String.format(Locale.ENGLISH,
					"The file has %,d rows; at most %,d can be imported at once. Split it into smaller files.", total,
					kind.maxRows()));
		}
		var id = UUID.randomUUID();
		var name = filename == null || filename.isBlank() ? "upload.csv"
				: (filename.length() > 200 ? filename.substring(0, 200) : filename);
		jobs.insert(id, kind.name(), user.agencyCode(), scope, user.getUsername(), name, content, header, total,
				clock.instant());
		audit.recordFor(user.getUsername(), user.agencyCode(), "IMPORT_UPLOADED", "import-job", id.toString(),
				kind.grant().purpose(), AuditLog.Outcome.ALLOWED, kind.name() + ", " + total + " rows");
		return jobs.find(id).orElseThrow();
	}

	/**
	 * The job of this kind, if the user may see it (audited); empty when there is none or
	 * they may not.
	 */
	public Optional<ImportJob> job(ImportKind<?> kind, UUID id, HarmwatchUser user) {
		return visible(kind, id, user, "IMPORT_JOB_VIEWED");
	}

	/**
	 * The first bad rows a failed job found, in row order; empty when the user may not
	 * see the job (audited).
	 */
	public List<ImportProblem> problems(ImportKind<?> kind, UUID id, HarmwatchUser user, int limit) {
		return visible(kind, id, user, "IMPORT_PROBLEMS_VIEWED").map(job -> jobs.problems(job.id(), limit))
			.orElse(List.of());
	}

	private Optional<ImportJob> visible(ImportKind<?> kind, UUID id, HarmwatchUser user, String action) {
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
		var job = visible(kind, id, user, "IMPORT_JOB_STARTED");
		if (job.isEmpty() || !jobs.queue(id, mapping, options, user.displayName(), clock.instant())) {
			return false;
		}
		jobs.saveMapping(user.agencyCode(), kind.name(), mapping, clock.instant());
		worker.submitAfterCommit(id);
		return true;
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
		return new Report(checked.rows(), checked.ok() ? kind.describes(records) : 0, checked.problems(), null);
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
			return new Report(checked.rows(), 0, checked.problems(), null);
		}
		var records = checked.records().stream().map(ImportKind.Parsed::record).toList();
		var outcome = kind.store(records, new ImportContext(scope, options, importedBy, now, rows -> {
		}));
		return new Report(checked.rows(), outcome.records(), List.of(), outcome);
	}

}
