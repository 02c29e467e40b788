package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.SampleImportKind;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.imports.ColumnMapping;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRejectedException;
import org.harmwatch.platform.imports.Imports;
import org.harmwatch.shared.Action;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Importing historical or partner results into a session from CSV, through the platform's
 * import facility ({@link Imports}): the upload is kept in the database, its columns are
 * mapped, then a background job checks every row and stores every sample in one
 * transaction, all or nothing, with its progress on the job's page. A job belongs to the
 * uploader's agency; its analysts see it.
 */
@Service
public class DrugCheckingImports {

	/** Data rows in one file at most. */
	public static final int MAX_IMPORT_ROWS = SampleImportKind.MAX_ROWS;

	private final Imports imports;

	private final SampleImportKind kind;

	private final SessionManagement sessions;

	DrugCheckingImports(Imports imports, SampleImportKind kind, SessionManagement sessions) {
		this.imports = imports;
		this.kind = kind;
		this.sessions = sessions;
	}

	/** The largest file accepted, in bytes. */
	public long maxFileSize() {
		return imports.maxFileSize();
	}

	/** The largest file accepted, in whole megabytes. */
	public long maxMegabytes() {
		return imports.maxMegabytes();
	}

	/**
	 * Keeps an uploaded CSV for the user's agency to map, for the session the user may
	 * change.
	 * @throws InputRejectedException saying what is wrong with the file; nothing is
	 * stored then
	 * @throws NotFoundException when there is no such session, or the user may not use it
	 */
	public ImportJob upload(UUID sessionId, @Nullable String filename, byte[] content, HarmwatchUser user) {
		sessions.session(sessionId, user, Action.WRITE);
		try {
			return imports.upload(kind, sessionId.toString(), filename, content, user);
		}
		catch (ImportRejectedException rejected) {
			throw new InputRejectedException(
					FieldProblem.of("file", "drugchecking.error.file.rejected", rejected.getMessage()));
		}
	}

	/**
	 * The import job, if the user may see it; empty when there is none or they may not.
	 */
	public Optional<ImportJob> job(UUID id, HarmwatchUser user) {
		return imports.job(kind, id, user);
	}

	/** The session a job imports into. */
	public static UUID sessionOf(ImportJob job) {
		return UUID.fromString(String.valueOf(job.scope()));
	}

	/** The first bad rows a failed job found, in row order. */
	public List<ImportProblem> problems(UUID id, HarmwatchUser user, int limit) {
		return imports.problems(kind, id, user, limit);
	}

	/**
	 * The mapping to offer for the job's file: the agency's last one, else guessed from
	 * the header.
	 */
	public ColumnMapping guess(ImportJob job) {
		return imports.guess(kind, job);
	}

	/**
	 * The mapping's problems with the job's header: required columns unmapped, names not
	 * in the file.
	 */
	public List<ColumnMapping.ColumnProblem> check(ImportMapping mapping, ImportJob job) {
		return columns(mapping).problems(kind, job.header());
	}

	/**
	 * Starts the job with this mapping, once: it is queued and runs in the background.
	 * @return false, changing nothing, when the job has already been started (or the user
	 * may not see it)
	 */
	public boolean start(UUID id, ImportMapping mapping, HarmwatchUser user) {
		return imports.start(kind, id, columns(mapping), options(mapping), user);
	}

	/** Checks a CSV of results against the mapping, row by row; stores nothing. */
	public Imports.Report checkImport(UUID sessionId, String csv, ImportMapping mapping) {
		sessions.session(sessionId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", sessionId));
		return imports.check(kind, csv, columns(mapping), options(mapping));
	}

	/**
	 * Imports a CSV of results into a session at once: all or nothing. When any row is
	 * bad nothing is stored and the report names each bad row; importing the same file
	 * again stores nothing twice.
	 */
	public Imports.Report importCsv(UUID sessionId, String csv, ImportMapping mapping, String by, Instant now) {
		sessions.session(sessionId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", sessionId));
		return imports.importNow(kind, sessionId.toString(), csv, columns(mapping), options(mapping), by, now);
	}

	private ColumnMapping columns(ImportMapping mapping) {
		var columns = new HashMap<String, @Nullable String>();
		columns.put("sampleKey", mapping.sampleKey());
		columns.put("substance", mapping.substance());
		columns.put("soldAs", mapping.soldAs());
		columns.put("form", mapping.form());
		columns.put("trace", mapping.trace());
		columns.put("method", mapping.method());
		columns.put("date", mapping.date());
		return ColumnMapping.of(kind, columns);
	}

	private static Map<String, String> options(ImportMapping mapping) {
		return Map.of(SampleImportKind.MODE, mapping.mode().name(), SampleImportKind.DEFAULT_METHOD,
				mapping.defaultMethod().name());
	}

}
