package org.harmwatch.naloxone.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.internal.PointsOfRiskRules.Key;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the points of risk: leavers recorded, and supplies made at each point. */
@Repository
public class PointsRepository {

	private final JdbcClient jdbc;

	PointsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records (or corrects) how many people left a point at a holder in a month. */
	public void recordLeavers(String owner, UUID holder, ReleasePoint point, YearMonth month, int people, Instant now,
			String by) {
		jdbc.sql("""
				INSERT INTO naloxone.leavers (id, owner_agency, holder_id, release_point, month, people, recorded_at,
				  recorded_by)
				VALUES (:id, :owner, :holder, :point, :month, :people, :now, :by)
				ON CONFLICT (holder_id, release_point, month)
				DO UPDATE SET people = excluded.people, recorded_at = excluded.recorded_at,
				  recorded_by = excluded.recorded_by
				""")
			.param("id", UUID.randomUUID())
			.param("owner", owner)
			.param("holder", holder)
			.param("point", point.name())
			.param("month", month.atDay(1))
			.param("people", people)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** People who left, per holder and point, over the months. */
	public Map<Key, Long> leavers(YearMonth from, YearMonth to) {
		var result = new HashMap<Key, Long>();
		jdbc.sql("""
				SELECT holder_id, release_point, sum(people) AS people FROM naloxone.leavers
				WHERE month BETWEEN ? AND ? GROUP BY holder_id, release_point
				""").param(from.atDay(1)).param(to.atDay(1)).query((rs, n) -> {
			result.put(
					new Key(rs.getObject("holder_id", UUID.class), ReleasePoint.valueOf(rs.getString("release_point"))),
					rs.getLong("people"));
			return n;
		}).list();
		return result;
	}

	/**
	 * People supplied a kit at a point (one supply, one person), per holder and point,
	 * over the days.
	 */
	public Map<Key, Long> supplies(LocalDate from, LocalDate to) {
		var result = new HashMap<Key, Long>();
		jdbc.sql("""
				SELECT from_holder, release_point, count(*) AS people FROM naloxone.movement
				WHERE kind = 'SUPPLIED' AND release_point IS NOT NULL AND happened_on BETWEEN ? AND ?
				GROUP BY from_holder, release_point
				""").param(from).param(to).query((rs, n) -> {
			result.put(new Key(rs.getObject("from_holder", UUID.class),
					ReleasePoint.valueOf(rs.getString("release_point"))), rs.getLong("people"));
			return n;
		}).list();
		return result;
	}

}
