package org.harmwatch.consumptionrooms.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of needle finds for maps and evaluations, and of sites' opening dates and
 * hours. A find is a report with a place that a sweep has not closed as not found.
 */
@Repository
public class NeedleMapRepository {

	private static final String FINDS = "lat IS NOT NULL AND status <> 'NOT_FOUND'";

	private final JdbcClient jdbc;

	NeedleMapRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A find's place and time; never shown, only counted and smoothed. */
	public record Find(Instant reportedAt, double lat, double lon, @Nullable String lsoaCode) {
	}

	/** A site with the day it opened and its daily hours, when set. */
	public record SiteRow(UUID id, String ownerAgency, String name, String ladCode, double lat, double lon, int booths,
			@Nullable LocalDate openedOn, @Nullable LocalTime opens, @Nullable LocalTime closes) {
	}

	/**
	 * Finds reported from {@code from} to {@code until} (exclusive), in one district or
	 * all.
	 */
	public List<Find> finds(@Nullable String ladCode, Instant from, Instant until) {
		return jdbc
			.sql("SELECT reported_at, lat, lon, lsoa_code FROM consumptionrooms.needle_report WHERE " + FINDS + """
					  AND reported_at >= :from AND reported_at < :until
					  AND (CAST(:lad AS text) IS NULL OR lad_code = :lad)
					""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("lad", ladCode)
			.query((rs, n) -> new Find(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
					rs.getString(4)))
			.list();
	}

	/** Finds in a box, from {@code from} to {@code until} (exclusive). */
	public List<Find> findsIn(double south, double west, double north, double east, Instant from, Instant until) {
		return jdbc
			.sql("SELECT reported_at, lat, lon, lsoa_code FROM consumptionrooms.needle_report WHERE " + FINDS + """
					  AND reported_at >= :from AND reported_at < :until
					  AND lat BETWEEN :south AND :north AND lon BETWEEN :west AND :east
					""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("south", south)
			.param("north", north)
			.param("west", west)
			.param("east", east)
			.query((rs, n) -> new Find(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
					rs.getString(4)))
			.list();
	}

	/** Finds per calendar year in the region's time zone, oldest year first. */
	public Map<Integer, Long> findsPerYear(@Nullable String ladCode, ZoneId zone) {
		var years = new LinkedHashMap<Integer, Long>();
		jdbc.sql("SELECT CAST(extract(year FROM reported_at AT TIME ZONE :zone) AS integer) AS y, count(*) "
				+ "FROM consumptionrooms.needle_report WHERE " + FINDS
				+ " AND (CAST(:lad AS text) IS NULL OR lad_code = :lad) GROUP BY y ORDER BY y")
			.param("zone", zone.getId())
			.param("lad", ladCode)
			.query((rs, n) -> years.put(rs.getInt(1), rs.getLong(2)))
			.list();
		return years;
	}

	public List<SiteRow> sites(@Nullable String ownerAgency) {
		return jdbc.sql("""
				SELECT id, owner_agency, name, lad_code, lat, lon, booths, opened_on, opens_at, closes_at
				FROM consumptionrooms.site WHERE CAST(:owner AS text) IS NULL OR owner_agency = :owner
				ORDER BY name, id
				""").param("owner", ownerAgency).query((rs, n) -> site(rs)).list();
	}

	public Optional<SiteRow> site(UUID id) {
		return jdbc.sql("""
				SELECT id, owner_agency, name, lad_code, lat, lon, booths, opened_on, opens_at, closes_at
				FROM consumptionrooms.site WHERE id = ?
				""").param(id).query((rs, n) -> site(rs)).optional();
	}

	/** Sets the day a site opened and its daily hours; whether there was such a site. */
	public boolean setHours(UUID id, LocalDate openedOn, LocalTime opens, LocalTime closes) {
		return jdbc.sql("UPDATE consumptionrooms.site SET opened_on = ?, opens_at = ?, closes_at = ? WHERE id = ?")
			.params(openedOn, Time.valueOf(opens), Time.valueOf(closes), id)
			.update() == 1;
	}

	private static SiteRow site(java.sql.ResultSet rs) throws java.sql.SQLException {
		var opened = rs.getObject("opened_on", LocalDate.class);
		var opens = rs.getObject("opens_at", LocalTime.class);
		var closes = rs.getObject("closes_at", LocalTime.class);
		return new SiteRow(rs.getObject("id", UUID.class), rs.getString("owner_agency"), rs.getString("name"),
				rs.getString("lad_code"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getInt("booths"), opened, opens,
				closes);
	}

}
