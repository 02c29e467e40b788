package org.harmwatch.platform.imports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import jobs in {@code platform.import_job}, their bad rows and the agencies' saved
 * mappings.
 */
@Repository
class ImportJobs {

	/** Bad rows kept per job: enough to correct a file, not a copy of a broken one. */
	static final int MAX_PROBLEMS = 1000;

	private static final String SELECT = """
			SELECT id, kind, agency_code, scope, uploaded_by, filename, size_bytes, header, total_rows, status, rows_done, rows_stored,
			  records, stored, skipped, problem_count, failure_code, failure_arguments, uploaded_at, finished_at, check_first
			FROM platform.import_job""";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	ImportJobs(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** The words of a message for the current reader's locale. */
	String text(MessageSourceResolvable message) {
		return messages.getMessage(message, LocaleContextHolder.getLocale());
	}

	/** The words of a code and its arguments for the current reader's locale. */
	String text(String code, List<?> arguments) {
		return text(new DefaultMessageSourceResolvable(new String[] { code }, arguments.toArray(), code));
	}

	/** The problem with its words for the current reader's locale. */
	ImportProblem resolved(ImportProblem problem) {
		return problem.resolved(text(problem));
	}

	void insert(UUID id, String kind, String agencyCode, @Nullable String scope, String uploadedBy, String filename,
			byte[] content, List<String> header, int totalRows, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO platform.import_job (id, kind, agency_code, scope, uploaded_by, filename, content, size_bytes,
						  header, total_rows, status, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UPLOADED', ?)""")
			.param(id)
			.param(kind)
			.param(agencyCode)
			.param(scope)
			.param(uploadedBy)
			.param(filename)
			.param(content)
			.param((long) content.length)
			.param(header.toArray(String[]::new))
			.param(totalRows)
			.param(Timestamp.from(now))
			.update();
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::job).optional();
	}

	/**
	 * The job's first bad rows, in row order, with their words for the current reader.
	 */
	List<ImportProblem> problems(UUID id, int limit) {
		return jdbc.sql("""
				SELECT row_no, column_name, code, arguments FROM platform.import_problem WHERE job_id = ?
				 ORDER BY position LIMIT ?""")
			.param(id)
			.param(limit)
			.query((rs,
					row) -> resolved(new ImportProblem(rs.getInt("row_no"), rs.getString("column_name"),
							rs.getString("code"), strings(rs.getArray("arguments")), rs.getString("code"))))
			.list();
	}

	/** Keeps a failed job's bad rows (the first {@link #MAX_PROBLEMS}). */
	void insertProblems(UUID id, List<ImportProblem> problems) {
		var kept = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
		for (int i = 0; i < kept.size(); i++) {
			var problem = kept.get(i);
			jdbc.sql("""
					INSERT INTO platform.import_problem (job_id, position, row_no, column_name, code, arguments)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.param(id)
				.param(i)
				.param(problem.row())
				.param(problem.column())
				.param(problem.code())
				.param(problem.arguments().toArray(String[]::new))
				.update();
		}
	}

	/** What a checked job would change. */
	ImportPreview preview(UUID id) {
		return new ImportPreview(
				jdbc.sql("SELECT change, total, items FROM platform.import_preview WHERE job_id = ? ORDER BY position")
					.param(id)
					.query((rs, row) -> new ImportPreview.Change(rs.getString("change"), rs.getInt("total"),
							strings(rs.getArray("items"))))
					.list());
	}

	void insertPreview(UUID id, ImportPreview preview) {
		jdbc.sql("DELETE FROM platform.import_preview WHERE job_id = ?").param(id).update();
		var changes = preview.changes();
		for (int i = 0; i < changes.size(); i++) {
			var change = changes.get(i);
			jdbc.sql(
					"INSERT INTO platform.import_preview (job_id, position, change, total, items) VALUES (?, ?, ?, ?, ?)")
				.param(id)
				.param(i)
				.param(change.change())
				.param(change.count())
				.param(change.items().toArray(String[]::new))
				.update();
		}
	}

	/**
	 * Queues a checked job again, now to store, once a person has confirmed what it would
	 * change; false when it was not waiting for that.
	 */
	boolean confirm(UUID id, String importedBy, @Nullable String startedBy, Instant now) {
		return jdbc.sql("""
				UPDATE platform.import_job SET status = 'QUEUED', confirmed_at = ?, imported_by = ?, started_by = ?,
				  attempts = 0,
				  rows_done = 0, lease_owner = NULL, lease_until = NULL
				 WHERE id = ? AND status = 'CHECKED' AND check_first AND content IS NOT NULL""")
			.param(Timestamp.from(now))
			.param(importedBy)
			.param(startedBy)
			.param(id)
			.update() == 1;
	}

	/**
	 * Queues an uploaded job with its mapping, once; false when it was not waiting for
	 * one.
	 */
	boolean queue(UUID id, ColumnMapping mapping, Map<String, String> options, String importedBy, Instant now) {
		return queue(id, mapping, options, importedBy, null, now, false);
	}

	/**
	 * Queues an uploaded job with its mapping, once, to check first or to store at once;
	 * false when it was not waiting for one.
	 */
	boolean queue(UUID id, ColumnMapping mapping, Map<String, String> options, String importedBy,
			@Nullable String startedBy, Instant now, boolean checkFirst) {
		var columns = mapping.columns().keySet().toArray(String[]::new);
		var headers = Arrays.stream(columns).map(c -> mapping.columns().get(c)).toArray(String[]::new);
		var names = options.keySet().toArray(String[]::new);
		var values = Arrays.stream(names).map(options::get).toArray(String[]::new);
		return jdbc.sql("""
				UPDATE platform.import_job SET status = 'QUEUED', mapping_columns = ?, mapping_headers = ?,
				  option_names = ?, option_values = ?, imported_by = ?, started_by = ?, started_at = ?, check_first = ?
				 WHERE id = ? AND status = 'UPLOADED'""")
			.param(columns)
			.param(headers)
			.param(names)
			.param(values)
			.param(importedBy)
			.param(startedBy)
			.param(Timestamp.from(now))
			.param(checkFirst)
			.param(id)
			.update() == 1;
	}

	/** Deletes an upload not yet started; false when it was started. */
	boolean discard(UUID id) {
		return jdbc.sql("DELETE FROM platform.import_job WHERE id = ? AND status = 'UPLOADED'").param(id).update() == 1;
	}

	/** The mapping the agency last confirmed for the kind. */
	Map<String, String> savedMapping(String agencyCode, String kind) {
		var saved = new LinkedHashMap<String, String>();
		jdbc.sql("SELECT column_name, header FROM platform.import_mapping WHERE agency_code = ? AND kind = ?")
			.param(agencyCode)
			.param(kind)
			.query((rs, row) -> saved.put(rs.getString("column_name"), rs.getString("header")))
			.list();
		return saved;
	}

	void saveMapping(String agencyCode, String kind, ColumnMapping mapping, Instant now) {
		jdbc.sql("DELETE FROM platform.import_mapping WHERE agency_code = ? AND kind = ?")
			.param(agencyCode)
			.param(kind)
			.update();
		mapping.columns()
			.forEach((column, header) -> jdbc.sql("""
					INSERT INTO platform.import_mapping (agency_code, kind, column_name, header, saved_at)
					VALUES (?, ?, ?, ?, ?)""")
				.param(agencyCode)
				.param(kind)
				.param(column)
				.param(header)
				.param(Timestamp.from(now))
				.update());
	}

	ImportJob job(ResultSet rs, int row) throws SQLException {
		var finished = rs.getTimestamp("finished_at");
		Integer records = integer(rs, "records");
		Integer stored = integer(rs, "stored");
		Integer skipped = integer(rs, "skipped");
		var failureCode = rs.getString("failure_code");
		var failureArguments = strings(rs.getArray("failure_arguments"));
		var outcome = records == null ? null
				: new ImportOutcome(records, stored == null ? 0 : stored, skipped == null ? 0 : skipped);
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("agency_code"),
				rs.getString("scope"), rs.getString("uploaded_by"), rs.getString("filename"), rs.getLong("size_bytes"),
				strings(rs.getArray("header")), rs.getInt("total_rows"),
				ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("rows_done"), outcome,
				rs.getInt("problem_count"), failureCode == null ? null : text(failureCode, failureArguments),
				rs.getTimestamp("uploaded_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getBoolean("check_first"), failureCode, failureArguments, rs.getInt("rows_stored"));
	}

	static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
