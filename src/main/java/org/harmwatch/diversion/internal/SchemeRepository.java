package org.harmwatch.diversion.internal;

import static org.harmwatch.diversion.internal.DiversionRows.names;
import static org.harmwatch.diversion.internal.DiversionRows.set;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.Scheme;
import org.harmwatch.diversion.SchemeRules;
import org.harmwatch.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Diversion schemes (rules, trial settings, costs) in the {@code diversion} schema. */
@Repository
public class SchemeRepository {

	private final JdbcClient jdbc;

	SchemeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertScheme(Scheme s, String by) {
		jdbc.sql(
				"""
						INSERT INTO diversion.scheme (id, owner_agency, name, district_code, offence_groups, max_gravity,
						    max_previous_convictions, exclusions, needs_evidence_to_charge, max_offence_age_days, max_months, trial,
						    seed, block_size, contract_cost_pounds, court_case_cost_pounds, created_by, created_at)
						VALUES (:id, :owner, :name, :district, :groups::text[], :gravity, :previous, :exclusions::text[],
						    :evidence, :age, :months, :trial, :seed, :block, :contractCost, :courtCost, :by, :at)""")
			.param("id", s.id())
			.param("owner", s.ownerAgency())
			.param("name", s.name())
			.param("district", s.districtCode())
			.param("groups", SqlArrays.textArray(names(s.rules().offenceGroups())))
			.param("gravity", s.rules().maxGravity())
			.param("previous", s.rules().maxPreviousConvictions())
			.param("exclusions", SqlArrays.textArray(names(s.rules().exclusions())))
			.param("evidence", s.rules().needsEvidenceToCharge())
			.param("age", s.rules().maxOffenceAgeDays())
			.param("months", s.rules().maxMonths())
			.param("trial", s.trial())
			.param("seed", s.seed())
			.param("block", s.blockSize())
			.param("contractCost", s.contractCostPounds())
			.param("courtCost", s.courtCaseCostPounds())
			.param("by", by)
			.param("at", Timestamp.from(s.createdAt()))
			.update();
	}

	public boolean schemeNamed(String owner, String name) {
		return jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM diversion.scheme WHERE owner_agency = ? AND lower(name) = lower(?))")
			.params(owner, name)
			.query(Boolean.class)
			.single();
	}

	public Optional<Scheme> scheme(UUID id) {
		return jdbc.sql("SELECT * FROM diversion.scheme WHERE id = ?")
			.param(id)
			.query(SchemeRepository::scheme)
			.optional();
	}

	/**
	 * Locks a scheme's row until the transaction ends: allocations in it are made one at
	 * a time.
	 */
	public void lockScheme(UUID id) {
		jdbc.sql("SELECT id FROM diversion.scheme WHERE id = ? FOR UPDATE").param(id).query(UUID.class).list();
	}

	public List<Scheme> schemes(Collection<String> owners) {
		return jdbc.sql("SELECT * FROM diversion.scheme WHERE owner_agency = ANY (?::text[]) ORDER BY name, id")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query(SchemeRepository::scheme)
			.list();
	}

	private static Scheme scheme(ResultSet rs, int row) throws SQLException {
		var rules = new SchemeRules(set(rs, "offence_groups", OffenceGroup.class), rs.getInt("max_gravity"),
				rs.getInt("max_previous_convictions"), set(rs, "exclusions", Exclusion.class),
				rs.getBoolean("needs_evidence_to_charge"), (Integer) rs.getObject("max_offence_age_days"),
				rs.getInt("max_months"));
		return new Scheme(rs.getObject("id", UUID.class), rs.getString("owner_agency"), rs.getString("name"),
				rs.getString("district_code"), rules, rs.getBoolean("trial"), (Long) rs.getObject("seed"),
				(Integer) rs.getObject("block_size"), rs.getInt("contract_cost_pounds"),
				rs.getInt("court_case_cost_pounds"), rs.getTimestamp("created_at").toInstant());
	}

}
