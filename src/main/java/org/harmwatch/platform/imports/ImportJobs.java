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
			SELECT id, kind, agency_code, scope, uploaded_by, filename, size_bytes, header, total_rows, status, rows_done,
			  records, stored, skipped, problem_count, failure, uploaded_at, finished_at FROM platform.import_job""";

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ImportJobs::job).optional();
	}

	List<ImportProblem> problems(UUID id, int limit) {
		return jdbc
			.sql("SELECT row_no, message FROM platform.import_problem WHERE job_id = ? ORDER BY position LIMIT ?")
			.param(id)
			.param(limit)
			.query((rs, row) -> new ImportProblem(rs.getInt("row_no"), rs.getString("message")))
			.list();
	}

	/**
	 * Queues an uploaded job with its mapping, once; false when it was not waiting for
	 * one.
	 */
	boolean queue(UUID id, ColumnMapping mapping, Map<String, String> options, String importedBy, Instant now) {
		var columns = mapping.columns().keySet().toArray(String[]::new);
		var headers = Arrays.stream(columns).map(c -> mapping.columns().get(c)).toArray(String[]::new);
		var names = options.keySet().toArray(String[]::new);
		var values = Arrays.stream(names).map(options::get).toArray(String[]::new);
		return jdbc.sql("""
				UPDATE platform.import_job SET status = 'QUEUED', mapping_columns = ?, mapping_headers = ?,
				  option_names = ?, option_values = ?, imported_by = ?, started_at = ?
				 WHERE id = ? AND status = 'UPLOADED'""")
			.param(columns)
			.param(headers)
			.param(names)
			.param(values)
			.param(importedBy)
			.param(Timestamp.from(now))
			.param(id)
			.update() == 1;
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

	static ImportJob job(ResultSet rs, int row) throws SQLException {
		var finished = rs.getTimestamp("finished_at");
		Integer records = integer(rs, "records");
		Integer stored = integer(rs, "stored");
		Integer skipped = integer(rs, "skipped");
		var outcome = records == null ? null
				: new ImportOutcome(records, stored == null ? 0 : stored, skipped == null ? 0 : skipped);
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("agency_code"),
				rs.getString("scope"), rs.getString("uploaded_by"), rs.getString("filename"), rs.getLong("size_bytes"),
				strings(rs.getArray("header")), rs.getInt("total_rows"),
				ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("rows_done"), outcome,
				rs.getInt("problem_count"), rs.getString("failure"), rs.getTimestamp("uploaded_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

	static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
