package org.harmwatch.custodytesting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.custodytesting.AssessmentKind;
import org.harmwatch.custodytesting.AssessmentStatus;
import org.harmwatch.custodytesting.AssessmentView;
import org.harmwatch.custodytesting.CustodySuite;
import org.harmwatch.custodytesting.MissedConsequence;
import org.harmwatch.custodytesting.SubstanceResult;
import org.harmwatch.custodytesting.TestBasis;
import org.harmwatch.custodytesting.TestOutcome;
import org.harmwatch.custodytesting.TestView;
import org.harmwatch.custodytesting.TriggerOffence;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The custody testing tables: reference data (trigger offences, suites), arrests with
 * their tests, assessments and referrals, and the funnel's counts.
 */
@Repository
public class CustodyRepository {

	private final JdbcClient jdbc;

	CustodyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An arrest as stored. */
	public record StoredArrest(UUID id, String ownerAgency, String suiteCode, String personCode, Instant arrestedAt,
			TestBasis basis, @Nullable String offenceCode, @Nullable String inspector) {
	}

	/** An assessment as stored, with its arrest. */
	public record StoredAssessment(UUID id, UUID arrestId, AssessmentKind kind, AssessmentStatus status) {
	}

	/** A referral as stored. */
	public record StoredReferral(UUID id, UUID arrestId, String ownerAgency, String teamAgency, String teamPersonCode,
			LocalDate referredOn, @Nullable Boolean treatmentStarted, @Nullable LocalDate treatmentStartedOn,
			@Nullable Instant answeredAt) {
	}

	/** One suite's month of the funnel: counts in {@code FunnelStage} order. */
	public record FunnelCount(String suiteCode, String month, long[] counts) {
	}

	public List<CustodySuite> suites() {
		return jdbc.sql("SELECT code, name, district_code FROM custodytesting.suite WHERE active ORDER BY name")
			.query((rs, n) -> new CustodySuite(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public Optional<CustodySuite> suite(String code) {
		return jdbc.sql("SELECT code, name, district_code FROM custodytesting.suite WHERE code = ?")
			.param(code)
			.query((rs, n) -> new CustodySuite(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public List<TriggerOffence> offences() {
		return jdbc.sql("""
				SELECT code, title, legislation, class_a_only, effective_from, effective_to
				FROM custodytesting.trigger_offence ORDER BY position""").query(CustodyRepository::offence).list();
	}

	public Optional<TriggerOffence> offence(String code) {
		return jdbc.sql("""
				SELECT code, title, legislation, class_a_only, effective_from, effective_to
				FROM custodytesting.trigger_offence WHERE code = ?""")
			.param(code)
			.query(CustodyRepository::offence)
			.optional();
	}

	private static TriggerOffence offence(ResultSet rs, int row) throws SQLException {
		return new TriggerOffence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
	}

	public void insertArrest(StoredArrest a, String by, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO custodytesting.arrest (id, owner_agency, purpose, suite_code, person_code, arrested_at, basis,
						  offence_code, inspector, recorded_by, recorded_at)
						VALUES (?, ?, 'POLICING', ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.ownerAgency(), a.suiteCode(), a.personCode(), Timestamp.from(a.arrestedAt()),
					a.basis().name(), a.offenceCode(), a.inspector(), by, Timestamp.from(at))
			.update();
	}

	public void insertTest(UUID id, UUID arrestId, boolean retest, Instant sampleTakenAt, @Nullable String device,
			TestOutcome outcome, @Nullable SubstanceResult cocaine, @Nullable SubstanceResult opiates, String by,
			Instant at) {
		jdbc.sql("""
				INSERT INTO custodytesting.drug_test (id, arrest_id, retest, sample_taken_at, device, outcome, cocaine,
				  opiates, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, arrestId, retest, Timestamp.from(sampleTakenAt), device, outcome.name(),
					cocaine == null ? null : cocaine.name(), opiates == null ? null : opiates.name(), by,
					Timestamp.from(at))
			.update();
	}

	/** The arrest, locked for an update when {@code lock}. */
	public Optional<StoredArrest> arrest(UUID id, boolean lock) {
		return jdbc.sql("""
				SELECT id, owner_agency, suite_code, person_code, arrested_at, basis, offence_code, inspector
				FROM custodytesting.arrest WHERE id = ?""" + (lock ? " FOR UPDATE" : ""))
			.param(id)
			.query(CustodyRepository::arrest)
			.optional();
	}

	private static StoredArrest arrest(ResultSet rs, int row) throws SQLException {
		return new StoredArrest(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), TestBasis.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8));
	}

	public List<TestView> tests(UUID arrestId) {
		return jdbc.sql("""
				SELECT id, retest, sample_taken_at, device, outcome, cocaine, opiates
				FROM custodytesting.drug_test WHERE arrest_id = ? ORDER BY sample_taken_at, recorded_at""")
			.param(arrestId)
			.query((rs, n) -> new TestView(rs.getObject(1, UUID.class), rs.getBoolean(2),
					rs.getTimestamp(3).toInstant(), rs.getString(4), TestOutcome.valueOf(rs.getString(5)),
					result(rs.getString(6)), result(rs.getString(7))))
			.list();
	}

	private static @Nullable SubstanceResult result(@Nullable String value) {
		return value == null ? null : SubstanceResult.valueOf(value);
	}

	public List<AssessmentView> assessments(UUID arrestId) {
		return jdbc.sql("""
				SELECT id, kind, status, required_on, appointment_at, attended_on, consequence
				FROM custodytesting.assessment WHERE arrest_id = ? ORDER BY kind = 'FOLLOW_UP', required_on""")
			.param(arrestId)
			.query((rs, n) -> new AssessmentView(rs.getObject(1, UUID.class), AssessmentKind.valueOf(rs.getString(2)),
					AssessmentStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					rs.getObject(6, LocalDate.class),
					rs.getString(7) == null ? null : MissedConsequence.valueOf(rs.getString(7))))
			.list();
	}

	public Optional<StoredAssessment> assessment(UUID id) {
		return jdbc.sql("SELECT id, arrest_id, kind, status FROM custodytesting.assessment WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new StoredAssessment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					AssessmentKind.valueOf(rs.getString(3)), AssessmentStatus.valueOf(rs.getString(4))))
			.optional();
	}

	/**
	 * Requires an assessment of the kind for the arrest, unless one is; whether it was
	 * new.
	 */
	public boolean requireAssessment(UUID arrestId, AssessmentKind kind, LocalDate on, @Nullable Instant appointmentAt,
			String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO custodytesting.assessment (id, arrest_id, kind, status, required_on, appointment_at,
				  updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (arrest_id, kind) DO NOTHING""")
			.params(UUID.randomUUID(), arrestId, kind.name(),
					appointmentAt == null ? AssessmentStatus.REQUIRED.name() : AssessmentStatus.BOOKED.name(), on,
					appointmentAt == null ? null : Timestamp.from(appointmentAt), by, Timestamp.from(at))
			.update() == 1;
	}

	public void updateAssessment(UUID id, AssessmentStatus status, @Nullable Instant appointmentAt,
			@Nullable LocalDate attendedOn, @Nullable MissedConsequence consequence, String by, Instant at) {
		jdbc.sql("""
				UPDATE custodytesting.assessment SET status = ?, appointment_at = coalesce(?, appointment_at),
				  attended_on = ?, consequence = ?, updated_by = ?, updated_at = ?
				WHERE id = ?""")
			.params(status.name(), appointmentAt == null ? null : Timestamp.from(appointmentAt), attendedOn,
					consequence == null ? null : consequence.name(), by, Timestamp.from(at), id)
			.update();
	}

	/**
	 * The code the team already knows the person by, from an earlier referral of the
	 * owner's.
	 */
	public Optional<String> teamPersonCode(String ownerAgency, String teamAgency, String personCode) {
		return jdbc
			.sql("""
					SELECT r.team_person_code FROM custodytesting.referral r JOIN custodytesting.arrest a ON a.id = r.arrest_id
					WHERE r.owner_agency = ? AND r.team_agency = ? AND a.person_code = ? LIMIT 1""")
			.params(ownerAgency, teamAgency, personCode)
			.query(String.class)
			.optional();
	}

	public void insertReferral(StoredReferral r, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO custodytesting.referral (id, arrest_id, owner_agency, team_agency, team_person_code,
				  referred_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.arrestId(), r.ownerAgency(), r.teamAgency(), r.teamPersonCode(), r.referredOn(), by,
					Timestamp.from(at))
			.update();
	}

	private static final String REFERRAL = """
			SELECT id, arrest_id, owner_agency, team_agency, team_person_code, referred_on, treatment_started,
			  treatment_started_on, answered_at FROM custodytesting.referral""";

	private static StoredReferral referral(ResultSet rs, int row) throws SQLException {
		return new StoredReferral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
				rs.getObject(7) == null ? null : rs.getBoolean(7), rs.getObject(8, LocalDate.class),
				rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
	}

	public Optional<StoredReferral> referralOf(UUID arrestId) {
		return jdbc.sql(REFERRAL + " WHERE arrest_id = ?")
			.param(arrestId)
			.query(CustodyRepository::referral)
			.optional();
	}

	/** The referral, locked for an update when {@code lock}. */
	public Optional<StoredReferral> referral(UUID id, boolean lock) {
		return jdbc.sql(REFERRAL + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
			.param(id)
			.query(CustodyRepository::referral)
			.optional();
	}

	public void answer(UUID id, boolean started, @Nullable LocalDate startedOn, String by, Instant at) {
		jdbc.sql("""
				UPDATE custodytesting.referral SET treatment_started = ?, treatment_started_on = ?, answered_by = ?,
				  answered_at = ? WHERE id = ?""").params(started, startedOn, by, Timestamp.from(at), id).update();
	}

	public List<StoredReferral> teamReferrals(String teamAgency, List<String> owners, int limit, long offset) {
		return jdbc.sql(REFERRAL + """
				 WHERE team_agency = :team AND owner_agency IN (:owners)
				ORDER BY answered_at IS NOT NULL, referred_on DESC, id LIMIT :limit OFFSET :offset""")
			.param("team", teamAgency)
			.param("owners", owners)
			.param("limit", limit)
			.param("offset", offset)
			.query(CustodyRepository::referral)
			.list();
	}

	public long countTeamReferrals(String teamAgency, List<String> owners) {
		return jdbc
			.sql("SELECT count(*) FROM custodytesting.referral WHERE team_agency = :team AND owner_agency IN (:owners)")
			.param("team", teamAgency)
			.param("owners", owners)
			.query(Long.class)
			.single();
	}

	public List<StoredArrest> page(List<String> owners, @Nullable String suiteCode, int limit, long offset) {
		return jdbc
			.sql("""
					SELECT id, owner_agency, suite_code, person_code, arrested_at, basis, offence_code, inspector
					FROM custodytesting.arrest WHERE owner_agency IN (:owners) AND (:suite::text IS NULL OR suite_code = :suite)
					ORDER BY arrested_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("owners", owners)
			.param("suite", suiteCode)
			.param("limit", limit)
			.param("offset", offset)
			.query(CustodyRepository::arrest)
			.list();
	}

	public long count(List<String> owners, @Nullable String suiteCode) {
		return jdbc.sql("""
				SELECT count(*) FROM custodytesting.arrest
				WHERE owner_agency IN (:owners) AND (:suite::text IS NULL OR suite_code = :suite)""")
			.param("owners", owners)
			.param("suite", suiteCode)
			.query(Long.class)
			.single();
	}

	/**
	 * The funnel's counts per suite and month of arrest (in the zone) for arrests for a
	 * trigger offence in [from, to), of the owners ({@code null}: every owner). Each
	 * stage counts arrests that reached it through every stage before, so each is within
	 * the one before.
	 */
	public List<FunnelCount> funnel(@Nullable List<String> owners, Instant from, Instant to, ZoneId zone) {
		var sql = """
				SELECT suite_code, month, count(*),
				  count(*) FILTER (WHERE tested),
				  count(*) FILTER (WHERE tested AND positive),
				  count(*) FILTER (WHERE tested AND positive AND assessed),
				  count(*) FILTER (WHERE tested AND positive AND assessed AND referred),
				  count(*) FILTER (WHERE tested AND positive AND assessed AND referred AND in_treatment)
				FROM (
				  SELECT a.suite_code, to_char(a.arrested_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
				    EXISTS (SELECT 1 FROM custodytesting.drug_test t WHERE t.arrest_id = a.id AND t.outcome = 'RESULT') AS tested,
				    EXISTS (SELECT 1 FROM custodytesting.drug_test t WHERE t.arrest_id = a.id
				            AND (t.cocaine = 'POSITIVE' OR t.opiates = 'POSITIVE')) AS positive,
				    EXISTS (SELECT 1 FROM custodytesting.assessment s WHERE s.arrest_id = a.id AND s.kind = 'INITIAL'
				            AND s.status = 'ATTENDED') AS assessed,
				    EXISTS (SELECT 1 FROM custodytesting.referral r WHERE r.arrest_id = a.id) AS referred,
				    EXISTS (SELECT 1 FROM custodytesting.referral r WHERE r.arrest_id = a.id AND r.treatment_started) AS in_treatment
				  FROM custodytesting.arrest a
				  WHERE a.basis = 'TRIGGER_OFFENCE' AND a.arrested_at >= :from AND a.arrested_at < :to
				"""
				+ (owners == null ? "" : " AND a.owner_agency IN (:owners)") + """
						) x GROUP BY suite_code, month ORDER BY month, suite_code""";
		var spec = jdbc.sql(sql)
			.param("zone", zone.getId())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
		if (owners != null) {
			spec = spec.param("owners", owners);
		}
		return spec
			.query((rs, n) -> new FunnelCount(rs.getString(1), rs.getString(2),
					new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
							rs.getLong(8) }))
			.list();
	}

	/** The arrests of the owners in [from, to), oldest first, for the export. */
	public List<StoredArrest> between(List<String> owners, Instant from, Instant to) {
		return jdbc
			.sql("""
					SELECT id, owner_agency, suite_code, person_code, arrested_at, basis, offence_code, inspector
					FROM custodytesting.arrest WHERE owner_agency IN (:owners) AND arrested_at >= :from AND arrested_at < :to
					ORDER BY arrested_at, id""")
			.param("owners", owners)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(CustodyRepository::arrest)
			.list();
	}

}
