package org.harmwatch.overdose.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.platform.imports.ColumnMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The column mappings each agency saved per source of its files. */
@Repository
public class SourceMappingRepository {

	private final JdbcClient jdbc;

	SourceMappingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The mapping last confirmed for the agency's source: column to header. */
	public Map<String, String> saved(String agencyCode, String sourceName) {
		var saved = new HashMap<String, String>();
		jdbc.sql("SELECT column_name, header FROM overdose.source_mapping WHERE agency_code = ? AND source_name = ?")
			.params(agencyCode, sourceName)
			.query((rs, row) -> saved.put(rs.getString(1), rs.getString(2)))
			.list();
		return saved;
	}

	/** The names of the sources the agency saved mappings for, in order. */
	public List<String> sources(String agencyCode) {
		return jdbc
			.sql("SELECT DISTINCT source_name FROM overdose.source_mapping WHERE agency_code = ? ORDER BY source_name")
			.param(agencyCode)
			.query(String.class)
			.list();
	}

	/** Replaces the agency's saved mapping for the source. */
	public void save(String agencyCode, String sourceName, ColumnMapping mapping, Instant now) {
		jdbc.sql("DELETE FROM overdose.source_mapping WHERE agency_code = ? AND source_name = ?")
			.params(agencyCode, sourceName)
			.update();
		mapping.columns()
			.forEach((column, header) -> jdbc.sql("""
					INSERT INTO overdose.source_mapping (agency_code, source_name, column_name, header, saved_at)
					VALUES (?, ?, ?, ?, ?)""")
				.params(agencyCode, sourceName, column, header, Timestamp.from(now))
				.update());
	}

}
