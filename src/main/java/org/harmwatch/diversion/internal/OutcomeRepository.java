package org.harmwatch.diversion.internal;

import static org.harmwatch.diversion.internal.DiversionRows.constant;
import static org.harmwatch.diversion.internal.DiversionRows.flag;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.CaseFile;
import org.harmwatch.diversion.ContractStatus;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.Sex;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outcomes of diversion referrals (reconviction and rearrest windows, victim surveys) and
 * the rows the outcome and fairness reports count, in the {@code diversion} schema.
 */
@Repository
public class OutcomeRepository {

	/** What the reports count of one referral: no reference, no date of birth. */
	public record ReportRow(UUID id, @Nullable Arm arm, boolean eligible, @Nullable AgeBand ageBand, @Nullable Sex sex,
			@Nullable Ethnicity ethnicity, @Nullable ContractStatus contractStatus, boolean prosecuted,
			@Nullable Boolean reconvicted12, @Nullable Boolean rearrested12, @Nullable Boolean reconvicted24,
			@Nullable Boolean rearrested24, @Nullable Integer satisfaction, int contractCost, int courtCost) {
	}

	private final JdbcClient jdbc;

	OutcomeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void upsertOutcome(UUID referral, int window, boolean rearrested, boolean reconvicted, String by,
			Instant at) {
		jdbc.sql(
				"""
						INSERT INTO diversion.outcome (referral_id, window_months, rearrested, reconvicted, recorded_by, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?)
						ON CONFLICT (referral_id, window_months) DO UPDATE SET rearrested = EXCLUDED.rearrested,
						    reconvicted = EXCLUDED.reconvicted, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
			.params(referral, window, rearrested, reconvicted, by, Timestamp.from(at))
			.update();
	}

	public List<CaseFile.Outcome> outcomes(UUID referral) {
		return jdbc.sql(
				"SELECT window_months, rearrested, reconvicted FROM diversion.outcome WHERE referral_id = ? ORDER BY 1")
			.param(referral)
			.query((rs, row) -> new CaseFile.Outcome(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)))
			.list();
	}

	public void upsertSurvey(UUID referral, int satisfaction, String by, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO diversion.victim_survey (referral_id, satisfaction, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
						ON CONFLICT (referral_id) DO UPDATE SET satisfaction = EXCLUDED.satisfaction,
						    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
			.params(referral, satisfaction, by, Timestamp.from(at))
			.update();
	}

	public @Nullable Integer survey(UUID referral) {
		return jdbc.sql("SELECT satisfaction FROM diversion.victim_survey WHERE referral_id = ?")
			.param(referral)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/** One row per referral of the owners (allocated or not), for the reports. */
	public List<ReportRow> reportRows(Collection<String> owners) {
		return jdbc
			.sql("""
					SELECT r.id, r.arm, r.eligible, r.age_band, r.sex, r.ethnicity, c.status,
					    EXISTS (SELECT 1 FROM diversion.breach b WHERE b.contract_id = c.id AND b.decision = 'PROSECUTE') AS prosecuted,
					    o12.reconvicted AS reconvicted12, o12.rearrested AS rearrested12,
					    o24.reconvicted AS reconvicted24, o24.rearrested AS rearrested24, v.satisfaction,
					    s.contract_cost_pounds, s.court_case_cost_pounds
					FROM diversion.referral r
					JOIN diversion.scheme s ON s.id = r.scheme_id
					LEFT JOIN diversion.contract c ON c.referral_id = r.id
					LEFT JOIN diversion.outcome o12 ON o12.referral_id = r.id AND o12.window_months = 12
					LEFT JOIN diversion.outcome o24 ON o24.referral_id = r.id AND o24.window_months = 24
					LEFT JOIN diversion.victim_survey v ON v.referral_id = r.id
					WHERE r.owner_agency = ANY (?::text[])""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, row) -> new ReportRow(rs.getObject("id", UUID.class), constant(rs, "arm", Arm::valueOf),
					rs.getBoolean("eligible"), constant(rs, "age_band", AgeBand::valueOf),
					constant(rs, "sex", Sex::valueOf), constant(rs, "ethnicity", Ethnicity::valueOf),
					constant(rs, "status", ContractStatus::valueOf), rs.getBoolean("prosecuted"),
					flag(rs, "reconvicted12"), flag(rs, "rearrested12"), flag(rs, "reconvicted24"),
					flag(rs, "rearrested24"), (Integer) rs.getObject("satisfaction"), rs.getInt("contract_cost_pounds"),
					rs.getInt("court_case_cost_pounds")))
			.list();
	}

	/**
	 * One row per referral for the fairness report: bands, eligibility and what followed.
	 */
	public record FairnessRow(@Nullable AgeBand ageBand, @Nullable Sex sex, @Nullable Ethnicity ethnicity,
			boolean eligible, boolean diverted, boolean completed) {
	}

	public List<FairnessRow> fairnessRows(Collection<String> owners) {
		return jdbc.sql("""
				SELECT r.age_band, r.sex, r.ethnicity, r.eligible, r.arm = 'DIVERSION' AS diverted,
				    c.status = 'COMPLETED' AS completed
				FROM diversion.referral r LEFT JOIN diversion.contract c ON c.referral_id = r.id
				WHERE r.owner_agency = ANY (?::text[])""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, row) -> new FairnessRow(constant(rs, "age_band", AgeBand::valueOf),
					constant(rs, "sex", Sex::valueOf), constant(rs, "ethnicity", Ethnicity::valueOf),
					rs.getBoolean("eligible"), rs.getBoolean("diverted"), rs.getBoolean("completed")))
			.list();
	}

}
