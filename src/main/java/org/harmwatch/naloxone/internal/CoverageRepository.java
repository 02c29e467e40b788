package org.harmwatch.naloxone.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of coverage: overdoses this module was told of, and kits supplied per holder.
 */
@Repository
public class CoverageRepository {

	private final JdbcClient jdbc;

	CoverageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Kits supplied to people over the days, per supplying holder. */
	public Map<UUID, Long> kitsSupplied(LocalDate from, LocalDate to) {
		var result = new HashMap<UUID, Long>();
		jdbc.sql("""
				SELECT from_holder, sum(kits) AS kits FROM naloxone.movement
				WHERE kind = 'SUPPLIED' AND happened_on BETWEEN ? AND ? GROUP BY from_holder
				""").param(from).param(to).query((rs, n) -> {
			result.put(rs.getObject("from_holder", UUID.class), rs.getLong("kits"));
			return n;
		}).list();
		return result;
	}

	/**
	 * Kits supplied to people over the days by the person's age band and sex, keyed
	 * {@code BAND|SEX} with an empty part where it is not recorded.
	 */
	public Map<String, Long> kitsByAgeBandAndSex(LocalDate from, LocalDate to) {
		var result = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT coalesce(age_band, '') || '|' || coalesce(sex, '') AS person, sum(kits) AS kits
				FROM naloxone.movement WHERE kind = 'SUPPLIED' AND happened_on BETWEEN ? AND ? GROUP BY 1
				""").param(from).param(to).query((rs, n) -> {
			result.put(rs.getString("person"), rs.getLong("kits"));
			return n;
		}).list();
		return result;
	}

	/** Holders that kits moved into or out of over the days. */
	public Set<UUID> activeHolders(LocalDate from, LocalDate to) {
		return new HashSet<>(jdbc
			.sql("""
					SELECT from_holder AS holder FROM naloxone.movement
					WHERE from_holder IS NOT NULL AND happened_on BETWEEN :from AND :to
					UNION
					SELECT to_holder FROM naloxone.movement WHERE to_holder IS NOT NULL AND happened_on BETWEEN :from AND :to
					""")
			.param("from", from)
			.param("to", to)
			.query(UUID.class)
			.list());
	}

	/**
	 * Overdoses per district over the days (in the zone), as this module knows them: each
	 * overdose incident it was told of with naloxone given (once, however many
	 * administrations), and each administration reported straight to a service.
	 */
	public Map<String, Long> overdosesByDistrict(LocalDate from, LocalDate to, ZoneId zone) {
		var result = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT lad_code, count(*) AS overdoses FROM (
				  SELECT DISTINCT ON (incident_id) lad_code FROM naloxone.administration
				  WHERE source = 'OVERDOSE' AND given_at >= :start AND given_at < :end
				  UNION ALL
				  SELECT lad_code FROM naloxone.administration
				  WHERE source = 'DIRECT' AND given_at >= :start AND given_at < :end) o
				WHERE lad_code IS NOT NULL GROUP BY lad_code
				""")
			.param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> {
				result.put(rs.getString("lad_code"), rs.getLong("overdoses"));
				return n;
			})
			.list();
		return result;
	}

}
