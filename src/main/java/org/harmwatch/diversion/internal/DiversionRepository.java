package org.harmwatch.diversion.internal;

import static org.harmwatch.diversion.internal.DiversionRows.constant;
import static org.harmwatch.diversion.internal.DiversionRows.date;
import static org.harmwatch.diversion.internal.DiversionRows.name;
import static org.harmwatch.diversion.internal.DiversionRows.names;
import static org.harmwatch.diversion.internal.DiversionRows.set;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Allocation;
import org.harmwatch.diversion.AllocationMethod;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.CaseloadEntry;
import org.harmwatch.diversion.ConditionKind;
import org.harmwatch.diversion.ConditionStatus;
import org.harmwatch.diversion.Contract;
import org.harmwatch.diversion.ContractStatus;
import org.harmwatch.diversion.EligibilityDecision;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.LegalBasis;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.ProsecutionDecision;
import org.harmwatch.diversion.Referral;
import org.harmwatch.diversion.Sex;
import org.harmwatch.diversion.Verification;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals (with their eligibility and allocation) and contracts (with their conditions,
 * sessions, breaches, links and reported attendance) in the {@code diversion} schema;
 * schemes are {@link SchemeRepository}'s, outcomes and the reports' rows
 * {@link OutcomeRepository}'s.
 */
@Repository
public class DiversionRepository {

	private static final String REFERRAL = """
			SELECT r.*, s.name AS scheme_name FROM diversion.referral r JOIN diversion.scheme s ON s.id = r.scheme_id""";

	private final JdbcClient jdbc;

	DiversionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean referenceTaken(String owner, String reference) {
		return jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM diversion.referral WHERE owner_agency = ? AND custody_reference = ?)")
			.params(owner, reference)
			.query(Boolean.class)
			.single();
	}

	public void insertReferral(Referral r) {
		jdbc.sql(
				"""
						INSERT INTO diversion.referral (id, scheme_id, owner_agency, purpose, custody_reference, offence_group,
						    offence_on, referred_on, gravity, previous_convictions, flags, evidence_to_charge, age_band, sex,
						    ethnicity, eligible, rule_results, recorded_by, recorded_at)
						VALUES (:id, :scheme, :owner, 'POLICING', :reference, :group, :offenceOn, :referredOn, :gravity,
						    :previous, :flags::text[], :evidence, :age, :sex, :ethnicity, :eligible, :rules::text[], :by, :at)""")
			.param("id", r.id())
			.param("scheme", r.schemeId())
			.param("owner", r.ownerAgency())
			.param("reference", r.custodyReference())
			.param("group", r.offenceGroup().name())
			.param("offenceOn", Date.valueOf(r.offenceOn()))
			.param("referredOn", Date.valueOf(r.referredOn()))
			.param("gravity", r.gravity())
			.param("previous", r.previousConvictions())
			.param("flags", SqlArrays.textArray(names(r.flags())))
			.param("evidence", r.evidenceToCharge())
			.param("age", name(r.ageBand()))
			.param("sex", name(r.sex()))
			.param("ethnicity", name(r.ethnicity()))
			.param("eligible", r.decision().eligible())
			.param("rules", SqlArrays.textArray(r.decision().rules().stream().map(EligibilityRules::store).toList()))
			.param("by", r.recordedBy())
			.param("at", Timestamp.from(r.recordedAt()))
			.update();
	}

	public Optional<Referral> referral(UUID id) {
		return jdbc.sql(REFERRAL + " WHERE r.id = ?").param(id).query(DiversionRepository::referral).optional();
	}

	/** How many referrals of the scheme the stratum's list has allocated. */
	public int allocatedInStratum(UUID scheme, OffenceGroup stratum) {
		return jdbc.sql(
				"SELECT count(*) FROM diversion.referral WHERE scheme_id = ? AND allocation_stratum = ? AND allocation_method = 'RANDOM'")
			.params(scheme, stratum.name())
			.query(Integer.class)
			.single();
	}

	public void allocate(UUID referral, Allocation a) {
		jdbc.sql("""
				UPDATE diversion.referral SET arm = :arm, allocation_method = :method, allocation_reason = :reason,
				    allocation_stratum = :stratum, allocation_position = :position, allocation_seed = :seed,
				    allocated_by = :by, allocated_at = :at
				WHERE id = :id AND arm IS NULL""")
			.param("id", referral)
			.param("arm", a.arm().name())
			.param("method", a.method().name())
			.param("reason", a.reason())
			.param("stratum", name(a.stratum()))
			.param("position", a.position())
			.param("seed", a.seed())
			.param("by", a.by())
			.param("at", Timestamp.from(a.at()))
			.update();
	}

	/** A page of the owners' referrals, newest first, optionally of one scheme. */
	public List<Referral> referrals(Collection<String> owners, @Nullable UUID scheme, int limit, long offset) {
		return jdbc
			.sql(REFERRAL
					+ """
							 WHERE r.owner_agency = ANY (:owners::text[]) AND (CAST(:scheme AS uuid) IS NULL OR r.scheme_id = :scheme)
							ORDER BY r.recorded_at DESC, r.id LIMIT :limit OFFSET :offset""")
			.param("owners", SqlArrays.textArray(List.copyOf(owners)))
			.param("scheme", scheme)
			.param("limit", limit)
			.param("offset", offset)
			.query(DiversionRepository::referral)
			.list();
	}

	public long countReferrals(Collection<String> owners, @Nullable UUID scheme) {
		return jdbc
			.sql("""
					SELECT count(*) FROM diversion.referral r
					WHERE r.owner_agency = ANY (:owners::text[]) AND (CAST(:scheme AS uuid) IS NULL OR r.scheme_id = :scheme)""")
			.param("owners", SqlArrays.textArray(List.copyOf(owners)))
			.param("scheme", scheme)
			.query(Long.class)
			.single();
	}

	/** The scheme's random allocations in stratum and list order. */
	public List<Referral> randomAllocations(UUID scheme) {
		return jdbc.sql(REFERRAL + """
				 WHERE r.scheme_id = ? AND r.allocation_method = 'RANDOM'
				ORDER BY r.allocation_stratum, r.allocation_position""")
			.param(scheme)
			.query(DiversionRepository::referral)
			.list();
	}

	public void insertContract(UUID id, UUID referral, String navigator, LocalDate startsOn, LocalDate endsOn,
			List<ConditionKind> conditions, Instant at) {
		jdbc.sql("""
				INSERT INTO diversion.contract (id, referral_id, navigator, starts_on, ends_on, status, created_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)""")
			.params(id, referral, navigator, Date.valueOf(startsOn), Date.valueOf(endsOn), Timestamp.from(at))
			.update();
		int position = 0;
		for (var kind : conditions) {
			jdbc.sql("""
					INSERT INTO diversion.condition (id, contract_id, position, kind, verification, status)
					VALUES (?, ?, ?, ?, ?, 'PENDING')""")
				.params(UUID.randomUUID(), id, position++, kind.name(), kind.verification().name())
				.update();
		}
	}

	public Optional<UUID> contractOf(UUID referral) {
		return jdbc.sql("SELECT id FROM diversion.contract WHERE referral_id = ?")
			.param(referral)
			.query(UUID.class)
			.optional();
	}

	public Optional<Contract> contract(UUID referral) {
		var found = jdbc.sql("SELECT * FROM diversion.contract WHERE referral_id = ?")
			.param(referral)
			.query((rs, row) -> new Contract(rs.getObject("id", UUID.class), referral, rs.getString("navigator"),
					rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
					ContractStatus.valueOf(rs.getString("status")), date(rs, "completed_on"), List.of(), List.of(),
					List.of()))
			.optional();
		return found.map(c -> new Contract(c.id(), c.referralId(), c.navigator(), c.startsOn(), c.endsOn(), c.status(),
				c.completedOn(), conditions(c.id()), sessions(c.id()), breaches(c.id())));
	}

	private List<Contract.Condition> conditions(UUID contract) {
		var conditions = jdbc.sql("""
				SELECT c.*, l.reference, l.legal_basis FROM diversion.condition c
				LEFT JOIN diversion.treatment_link l ON l.condition_id = c.id
				WHERE c.contract_id = ? ORDER BY c.position""").param(contract).query((rs, row) -> {
			var reference = rs.getString("reference");
			var link = reference == null ? null
					: new Contract.TreatmentLink(reference, LegalBasis.valueOf(rs.getString("legal_basis")), List.of());
			return new Contract.Condition(rs.getObject("id", UUID.class), rs.getInt("position"),
					ConditionKind.valueOf(rs.getString("kind")), Verification.valueOf(rs.getString("verification")),
					ConditionStatus.valueOf(rs.getString("status")), date(rs, "status_on"), link);
		}).list();
		return conditions.stream()
			.map(c -> c.link() == null ? c
					: new Contract.Condition(c.id(), c.position(), c.kind(), c.verification(), c.status(), c.statusOn(),
							new Contract.TreatmentLink(c.link().reference(), c.link().legalBasis(),
									attendances(c.link().reference()))))
			.toList();
	}

	private List<Contract.Attendance> attendances(String reference) {
		return jdbc.sql(
				"SELECT appointment_on, attended FROM diversion.attendance WHERE reference = ? ORDER BY appointment_on")
			.param(reference)
			.query((rs, row) -> new Contract.Attendance(rs.getDate(1).toLocalDate(), rs.getBoolean(2)))
			.list();
	}

	private List<Contract.Session> sessions(UUID contract) {
		return jdbc
			.sql("SELECT id, held_on, attended FROM diversion.session WHERE contract_id = ? ORDER BY held_on, id")
			.param(contract)
			.query((rs, row) -> new Contract.Session(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
					rs.getBoolean(3)))
			.list();
	}

	private List<Contract.Breach> breaches(UUID contract) {
		return jdbc.sql("""
				SELECT b.*, c.kind FROM diversion.breach b JOIN diversion.condition c ON c.id = b.condition_id
				WHERE b.contract_id = ? ORDER BY b.breached_on, b.id""")
			.param(contract)
			.query((rs, row) -> new Contract.Breach(rs.getObject("id", UUID.class),
					rs.getObject("condition_id", UUID.class), ConditionKind.valueOf(rs.getString("kind")),
					rs.getDate("breached_on").toLocalDate(), rs.getString("what"),
					constant(rs, "decision", ProsecutionDecision::valueOf), rs.getString("decision_reason"),
					rs.getString("decided_by")))
			.list();
	}

	public void setContractStatus(UUID contract, ContractStatus status, @Nullable LocalDate completedOn) {
		jdbc.sql("UPDATE diversion.contract SET status = ?, completed_on = ? WHERE id = ?")
			.params(status.name(), completedOn == null ? null : Date.valueOf(completedOn), contract)
			.update();
	}

	public void setConditionStatus(UUID condition, ConditionStatus status, LocalDate on) {
		jdbc.sql("UPDATE diversion.condition SET status = ?, status_on = ? WHERE id = ?")
			.params(status.name(), Date.valueOf(on), condition)
			.update();
	}

	public void insertSession(UUID contract, LocalDate on, boolean attended, String by) {
		jdbc.sql(
				"INSERT INTO diversion.session (id, contract_id, held_on, attended, recorded_by) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), contract, Date.valueOf(on), attended, by)
			.update();
	}

	public void insertBreach(UUID id, UUID contract, UUID condition, LocalDate on, String what, String by) {
		jdbc.sql("""
				INSERT INTO diversion.breach (id, contract_id, condition_id, breached_on, what, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)""").params(id, contract, condition, Date.valueOf(on), what, by).update();
	}

	public boolean decide(UUID breach, UUID contract, ProsecutionDecision decision, String reason, String by,
			Instant at) {
		return jdbc.sql("""
				UPDATE diversion.breach SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?
				WHERE id = ? AND contract_id = ? AND decision IS NULL""")
			.params(decision.name(), reason, by, Timestamp.from(at), breach, contract)
			.update() == 1;
	}

	public void insertLink(String reference, UUID condition, LegalBasis basis, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO diversion.treatment_link (reference, condition_id, legal_basis, created_by, created_at)
				VALUES (?, ?, ?, ?, ?)""").params(reference, condition, basis.name(), by, Timestamp.from(at)).update();
	}

	public boolean linkExists(String reference) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM diversion.treatment_link WHERE reference = ?)")
			.param(reference)
			.query(Boolean.class)
			.single();
	}

	/** Stores a reported attendance; false when that appointment was reported already. */
	public boolean insertAttendance(String reference, LocalDate on, boolean attended, String agency, Instant at) {
		return jdbc
			.sql("""
					INSERT INTO diversion.attendance (id, reference, appointment_on, attended, reported_by_agency, reported_at)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference, appointment_on) DO NOTHING""")
			.params(UUID.randomUUID(), reference, Date.valueOf(on), attended, agency, Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Active contracts of a navigator, soonest ending first, with how many sessions each
	 * had.
	 */
	public List<CaseloadEntry> caseload(String agency, String navigator) {
		return jdbc.sql("""
				SELECT r.id, r.custody_reference, s.name, c.ends_on, c.status,
				    (SELECT count(*) FROM diversion.session x WHERE x.contract_id = c.id) AS sessions
				FROM diversion.contract c JOIN diversion.referral r ON r.id = c.referral_id
				JOIN diversion.scheme s ON s.id = r.scheme_id
				WHERE r.owner_agency = ? AND c.navigator = ? AND c.status IN ('ACTIVE', 'BREACHED')
				ORDER BY c.ends_on, r.id LIMIT 200""")
			.params(agency, navigator)
			.query((rs, row) -> new CaseloadEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), ContractStatus.valueOf(rs.getString(5)), rs.getInt(6)))
			.list();
	}

	/**
	 * Breaches waiting for a decision, and active contracts ending between two days, on a
	 * navigator's caseload.
	 */
	public long[] workCounts(String agency, String navigator, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM diversion.breach b JOIN diversion.contract c ON c.id = b.contract_id
				   JOIN diversion.referral r ON r.id = c.referral_id
				   WHERE r.owner_agency = :agency AND c.navigator = :navigator AND b.decision IS NULL),
				  (SELECT count(*) FROM diversion.contract c JOIN diversion.referral r ON r.id = c.referral_id
				   WHERE r.owner_agency = :agency AND c.navigator = :navigator AND c.status = 'ACTIVE'
				     AND c.ends_on BETWEEN :from AND :until)""")
			.param("agency", agency)
			.param("navigator", navigator)
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private static Referral referral(ResultSet rs, int row) throws SQLException {
		var decision = new EligibilityDecision(rs.getBoolean("eligible"),
				SqlArrays.strings(rs, "rule_results").stream().map(EligibilityRules::read).toList());
		Allocation allocation = null;
		if (rs.getString("arm") != null) {
			allocation = new Allocation(Arm.valueOf(rs.getString("arm")),
					AllocationMethod.valueOf(rs.getString("allocation_method")), rs.getString("allocation_reason"),
					constant(rs, "allocation_stratum", OffenceGroup::valueOf),
					(Integer) rs.getObject("allocation_position"), (Long) rs.getObject("allocation_seed"),
					rs.getString("allocated_by"), rs.getTimestamp("allocated_at").toInstant());
		}
		return new Referral(rs.getObject("id", UUID.class), rs.getObject("scheme_id", UUID.class),
				rs.getString("scheme_name"), rs.getString("owner_agency"), rs.getString("custody_reference"),
				OffenceGroup.valueOf(rs.getString("offence_group")), rs.getDate("offence_on").toLocalDate(),
				rs.getDate("referred_on").toLocalDate(), rs.getInt("gravity"), rs.getInt("previous_convictions"),
				set(rs, "flags", Exclusion.class), rs.getBoolean("evidence_to_charge"),
				constant(rs, "age_band", AgeBand::valueOf), constant(rs, "sex", Sex::valueOf),
				constant(rs, "ethnicity", Ethnicity::valueOf), decision, allocation, rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
