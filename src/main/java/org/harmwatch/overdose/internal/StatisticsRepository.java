package org.harmwatch.overdose.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of incidents for the published tables: no record leaves this class. */
@Repository
public class StatisticsRepository {

	/** A district and a month. */
	public record Key(String ladCode, YearMonth month) {
	}

	private final JdbcClient jdbc;

	StatisticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Incidents of every owner by district and month (in the region's zone) from
	 * {@code from} until {@code until}; incidents with no known district are not counted.
	 */
	public Map<Key, Long> byDistrictAndMonth(Instant from, Instant until, ZoneId zone, @Nullable Boolean fatal) {
		var counts = new HashMap<Key, Long>();
		jdbc.sql("""
				SELECT lad_code, to_char(occurred_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*)
				FROM overdose.incident
				WHERE lad_code IS NOT NULL AND occurred_at >= :from AND occurred_at < :until
				  AND (CAST(:fatal AS boolean) IS NULL OR fatal = :fatal)
				GROUP BY 1, 2""")
			.param("zone", zone.getId())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("fatal", fatal)
			.query((rs, row) -> counts.put(new Key(rs.getString(1), YearMonth.parse(rs.getString(2))), rs.getLong(3)))
			.list();
		return counts;
	}

	/**
	 * Incidents of every owner by age band and sex as recorded, from {@code from} until
	 * {@code until}, keyed {@code BAND|SEX} with an empty part where it is not recorded.
	 */
	public Map<String, Long> byAgeBandAndSex(Instant from, Instant until) {
		var counts = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT coalesce(age_band, '') || '|' || coalesce(sex, ''), count(*) FROM overdose.incident
				WHERE occurred_at >= :from AND occurred_at < :until GROUP BY 1""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Incidents of every owner by the 2021 LSOA they were placed in (from their point, or
	 * named), from {@code from} until {@code until}; incidents placed only by a larger
	 * area are not counted.
	 */
	public Map<String, Long> byLsoa(Instant from, Instant until) {
		var counts = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT area_code, count(*) FROM overdose.incident
				WHERE area_level = 'lsoa' AND area_code IS NOT NULL AND occurred_at >= :from AND occurred_at < :until
				GROUP BY 1""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

}
