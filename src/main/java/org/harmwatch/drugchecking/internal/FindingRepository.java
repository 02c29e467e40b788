package org.harmwatch.drugchecking.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SampleMode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was found before a period, for telling the substances new in it: the distinct
 * components of current results, with only the columns the licence conditions decide on.
 * One aggregated query instead of every release since the epoch.
 */
@Repository
public class FindingRepository {

	private final JdbcClient jdbc;

	FindingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A component of a current result, with what decides whether a reader may see it. */
	public record Finding(List<LicenceCondition> conditions, SampleMode mode, @Nullable AgeBand ageBand,
			@Nullable String substanceCode, String text) {
	}

	/**
	 * The distinct findings in current results of the owners' samples taken in before
	 * {@code before}.
	 */
	public List<Finding> before(Instant before, Collection<String> owners) {
		return jdbc.sql("""
				SELECT DISTINCT s.conditions, x.mode, x.age_band, c.substance_code, c.text
				FROM drugchecking.sample x
				JOIN drugchecking.session s ON s.id = x.session_id
				JOIN LATERAL (SELECT r.id FROM drugchecking.result r WHERE r.sample_id = x.id
				  ORDER BY r.version DESC LIMIT 1) current ON true
				JOIN drugchecking.component c ON c.result_id = current.id
				WHERE x.taken_at < ? AND s.owner_agency = ANY (?::text[])""")
			.param(Columns.timestamp(before))
			.param(Columns.array(owners))
			.query((rs, i) -> new Finding(Columns.enums(rs, "conditions", LicenceCondition::valueOf),
					SampleMode.valueOf(rs.getString("mode")), Columns.enumOrNull(rs, "age_band", AgeBand::valueOf),
					rs.getString("substance_code"), rs.getString("text")))
			.list();
	}

}
