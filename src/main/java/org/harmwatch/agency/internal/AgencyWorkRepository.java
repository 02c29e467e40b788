package org.harmwatch.agency.internal;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of administration work waiting, for the administrator's home page.
 *
 * <p>
 * Sharing agreements are a handful of rows per pair of agencies; the count reads them
 * all, which stays cheap.
 */
@Repository
@Transactional(readOnly = true)
public class AgencyWorkRepository {

	private final JdbcClient jdbc;

	AgencyWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Agreements in force (not ended by hand) whose last day falls between these dates,
	 * both included.
	 */
	public long agreementsEndingBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT count(*) FROM agency.sharing_agreement
				WHERE ended_at IS NULL AND ends_on BETWEEN ? AND ? AND starts_on <= ?""")
			.param(Date.valueOf(from))
			.param(Date.valueOf(to))
			.param(Date.valueOf(from))
			.query(Long.class)
			.single();
	}

}
