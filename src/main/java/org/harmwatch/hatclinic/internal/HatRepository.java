package org.harmwatch.hatclinic.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.hatclinic.AssessmentDraft;
import org.harmwatch.hatclinic.Decision;
import org.harmwatch.hatclinic.Dose;
import org.harmwatch.hatclinic.EndReason;
import org.harmwatch.hatclinic.DoseDraft;
import org.harmwatch.hatclinic.DoseSlot;
import org.harmwatch.hatclinic.Housing;
import org.harmwatch.hatclinic.Licence;
import org.harmwatch.hatclinic.LicenceDraft;
import org.harmwatch.hatclinic.Observation;
import org.harmwatch.hatclinic.OutcomeDraft;
import org.harmwatch.hatclinic.Prescription;
import org.harmwatch.hatclinic.PrescriptionDraft;
import org.harmwatch.hatclinic.ReferralDraft;
import org.harmwatch.hatclinic.ReferralSource;
import org.harmwatch.hatclinic.Review;
import org.harmwatch.hatclinic.Route;
import org.harmwatch.hatclinic.Stage;
import org.harmwatch.hatclinic.TreatmentEndDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clinic's tables: referrals, enrolments, licences, prescriptions, doses, reviews,
 * outcome profiles and unit costs.
 */
@Repository
public class HatRepository {

	private static final String REFERRAL_COLUMNS = """
			r.id, r.owner_agency, r.client_code, r.source, r.consent_on, r.referred_on, r.dependence_years,
			r.failed_oral_episodes, r.age, r.attends_twice_daily, r.decision, r.decision_reason, r.decided_at,
			r.decided_by, e.id AS enrolment_id, r.event_id, r.source_reference, r.sending_agency
			""";

	private static final String ENROLMENT_COLUMNS = """
			id, owner_agency, referral_id, client_code, district_code, enrolled_on, first_dose_on, ended_on, end_reason,
			end_note
			""";

	private final JdbcClient jdbc;

	HatRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A referral as stored, with its owner. */
	public record ReferralRow(UUID id, String owner, String clientCode, ReferralSource source, LocalDate consentOn,
			LocalDate referredOn, @Nullable Integer dependenceYears, @Nullable Integer failedOralEpisodes,
			@Nullable Integer age, @Nullable Boolean attendsTwiceDaily, @Nullable Decision decision,
			@Nullable String decisionReason, @Nullable Instant decidedAt, @Nullable String decidedBy,
			@Nullable UUID enrolmentId, @Nullable UUID eventId, @Nullable String sourceReference,
			@Nullable String sendingAgency) {
	}

	/** An enrolment as stored, with its owner. */
	public record EnrolmentRow(UUID id, String owner, UUID referralId, String clientCode, String districtCode,
			LocalDate enrolledOn, @Nullable LocalDate firstDoseOn, @Nullable LocalDate endedOn,
			@Nullable EndReason endReason, @Nullable String endNote) {
	}

	/** A follow-up profile with the same person's profile at the start. */
	public record OutcomePair(LocalDate enrolledOn, Stage stage, int crimesBefore, int crimesAfter,
			int heroinDaysBefore, int heroinDaysAfter, int injectingDaysBefore, int injectingDaysAfter) {
	}

	/** One unit cost or comparator with its source. */
	public record UnitCostRow(String code, BigDecimal amount, String source, @Nullable Instant updatedAt,
			@Nullable String updatedBy) {
	}

	public void addReferral(UUID id, String owner, ReferralDraft draft, Instant now, String by) {
		jdbc.sql("""
				INSERT INTO hatclinic.referral (id, owner_agency, client_code, source, consent_on, referred_on,
				  recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, owner, draft.clientCode(), draft.source().name(), draft.consentOn(), draft.referredOn(),
					Timestamp.from(now), by)
			.update();
	}

	/**
	 * Adds a referral that arrived by event; false when the event was taken in already.
	 */
	public boolean addReferralByEvent(UUID id, UUID eventId, String owner, String clientCode, ReferralSource source,
			LocalDate consentOn, LocalDate referredOn, String sourceReference, String sendingAgency, Instant now,
			String by) {
		return jdbc.sql("""
				INSERT INTO hatclinic.referral (id, owner_agency, client_code, source, consent_on, referred_on,
				  recorded_at, recorded_by, event_id, source_reference, sending_agency)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
				""")
			.params(id, owner, clientCode, source.name(), consentOn, referredOn, Timestamp.from(now), by, eventId,
					sourceReference, sendingAgency)
			.update() == 1;
	}

	public void assess(UUID id, AssessmentDraft draft, Instant now, String by) {
		jdbc.sql("""
				UPDATE hatclinic.referral SET dependence_years = ?, failed_oral_episodes = ?, age = ?,
				  attends_twice_daily = ?, decision = ?, decision_reason = ?, decided_at = ?, decided_by = ?
				WHERE id = ?
				""")
			.params(draft.dependenceYears(), draft.failedOralEpisodes(), draft.age(), draft.attendsTwiceDaily(),
					draft.decision().name(), draft.reason(), Timestamp.from(now), by, id)
			.update();
	}

	public Optional<ReferralRow> referral(UUID id) {
		return jdbc.sql("SELECT " + REFERRAL_COLUMNS
				+ " FROM hatclinic.referral r LEFT JOIN hatclinic.enrolment e ON e.referral_id = r.id WHERE r.id = ?")
			.param(id)
			.query(HatRepository::referralRow)
			.optional();
	}

	public List<ReferralRow> referrals(String owner, int limit, long offset) {
		return jdbc
			.sql("SELECT " + REFERRAL_COLUMNS
					+ " FROM hatclinic.referral r LEFT JOIN hatclinic.enrolment e ON e.referral_id = r.id"
					+ " WHERE r.owner_agency = ? ORDER BY r.referred_on DESC, r.recorded_at DESC LIMIT ? OFFSET ?")
			.params(owner, limit, offset)
			.query(HatRepository::referralRow)
			.list();
	}

	public long referralCount(String owner) {
		return jdbc.sql("SELECT count(*) FROM hatclinic.referral WHERE owner_agency = ?")
			.param(owner)
			.query(Long.class)
			.single();
	}

	public void addEnrolment(UUID id, String owner, UUID referralId, String clientCode, String districtCode,
			LocalDate enrolledOn, Instant now, String by) {
		jdbc.sql("""
				INSERT INTO hatclinic.enrolment (id, owner_agency, referral_id, client_code, district_code, enrolled_on,
				  recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, owner, referralId, clientCode, districtCode, enrolledOn, Timestamp.from(now), by)
			.update();
	}

	public Optional<EnrolmentRow> enrolment(UUID id) {
		return jdbc.sql("SELECT " + ENROLMENT_COLUMNS + " FROM hatclinic.enrolment WHERE id = ?")
			.param(id)
			.query(HatRepository::enrolmentRow)
			.optional();
	}

	/**
	 * Marks the enrolment's first dose; true only for the call that marked it, so that
	 * treatment starts once.
	 */
	public boolean markFirstDose(UUID id, LocalDate on) {
		return jdbc.sql("UPDATE hatclinic.enrolment SET first_dose_on = ? WHERE id = ? AND first_dose_on IS NULL")
			.params(on, id)
			.update() == 1;
	}

	/**
	 * Ends the enrolment; false when it had ended already, so that it ends once.
	 */
	public boolean endEnrolment(UUID id, TreatmentEndDraft end, Instant now, String by) {
		return jdbc.sql("""
				UPDATE hatclinic.enrolment SET ended_on = ?, end_reason = ?, end_note = ?, ended_by = ?,
				ended_recorded_at = ? WHERE id = ? AND ended_on IS NULL
				""").params(end.on(), end.reason().name(), end.note(), by, Timestamp.from(now), id).update() == 1;
	}

	/** The day of the enrolment's latest dose recorded, given or missed. */
	public Optional<LocalDate> lastDoseOn(UUID enrolmentId) {
		return jdbc.sql("SELECT max(dose_on) FROM hatclinic.dose WHERE enrolment_id = ?")
			.param(enrolmentId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single();
	}

	public void addLicence(UUID id, String owner, LicenceDraft draft, Instant now, String by) {
		jdbc.sql("""
				INSERT INTO hatclinic.licence (id, owner_agency, prescriber, licence_number, valid_from, valid_to,
				  recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, owner, draft.prescriber(), draft.licenceNumber(), draft.validFrom(), draft.validTo(),
					Timestamp.from(now), by)
			.update();
	}

	public List<Licence> licences(String owner) {
		return jdbc.sql("""
				SELECT id, prescriber, licence_number, valid_from, valid_to, recorded_by FROM hatclinic.licence
				WHERE owner_agency = ? ORDER BY valid_to DESC, prescriber
				""").param(owner).query(HatRepository::licence).list();
	}

	/** The prescriber's licence in force on the day that runs longest, if any. */
	public Optional<Licence> currentLicence(String owner, String prescriber, LocalDate day) {
		return jdbc.sql("""
				SELECT id, prescriber, licence_number, valid_from, valid_to, recorded_by FROM hatclinic.licence
				WHERE owner_agency = ? AND prescriber = ? AND valid_from <= ? AND valid_to >= ?
				ORDER BY valid_to DESC LIMIT 1
				""").params(owner, prescriber, day, day).query(HatRepository::licence).optional();
	}

	public void addPrescription(UUID id, UUID enrolmentId, PrescriptionDraft draft, String prescriber, UUID licenceId,
			Instant now) {
		jdbc.sql(
				"""
						INSERT INTO hatclinic.prescription (id, enrolment_id, drug, route, min_mg, max_mg, starts_on,
						  titration_note, prescriber, licence_id, recorded_at) VALUES (?, ?, 'DIAMORPHINE', ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, enrolmentId, draft.route().name(), draft.minMg(), draft.maxMg(), draft.startsOn(),
					draft.titrationNote(), prescriber, licenceId, Timestamp.from(now))
			.update();
	}

	/** The enrolment's prescriptions, newest first. */
	public List<Prescription> prescriptions(UUID enrolmentId) {
		return jdbc.sql("""
				SELECT p.id, p.route, p.min_mg, p.max_mg, p.starts_on, p.titration_note, p.prescriber, l.licence_number
				FROM hatclinic.prescription p JOIN hatclinic.licence l ON l.id = p.licence_id
				WHERE p.enrolment_id = ? ORDER BY p.starts_on DESC, p.recorded_at DESC
				""").param(enrolmentId).query(HatRepository::prescription).list();
	}

	/** The prescription in force on the day: the newest starting on or before it. */
	public Optional<Prescription> prescriptionOn(UUID enrolmentId, LocalDate day) {
		return jdbc.sql("""
				SELECT p.id, p.route, p.min_mg, p.max_mg, p.starts_on, p.titration_note, p.prescriber, l.licence_number
				FROM hatclinic.prescription p JOIN hatclinic.licence l ON l.id = p.licence_id
				WHERE p.enrolment_id = ? AND p.starts_on <= ? ORDER BY p.starts_on DESC, p.recorded_at DESC LIMIT 1
				""").params(enrolmentId, day).query(HatRepository::prescription).optional();
	}

	/**
	 * Adds a dose; false when one is already recorded for the enrolment, day and slot.
	 */
	public boolean addDose(UUID id, DoseDraft draft, @Nullable UUID prescriptionId, Instant now, String by) {
		return jdbc.sql("""
				INSERT INTO hatclinic.dose (id, enrolment_id, dose_on, slot, given, dose_mg, prescription_id,
				  observation, adverse_event, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (enrolment_id, dose_on, slot) DO NOTHING
				""")
			.params(id, draft.enrolmentId(), draft.on(), draft.slot().name(), draft.given(), draft.doseMg(),
					prescriptionId, draft.observation() == null ? null : draft.observation().name(),
					draft.adverseEvent(), Timestamp.from(now), by)
			.update() == 1;
	}

	/** The enrolment's latest doses, newest first. */
	public List<Dose> doses(UUID enrolmentId, int limit) {
		return jdbc.sql("""
				SELECT dose_on, slot, given, dose_mg, observation, adverse_event, recorded_at, recorded_by
				FROM hatclinic.dose WHERE enrolment_id = ?
				ORDER BY dose_on DESC, CASE slot WHEN 'EVENING' THEN 0 ELSE 1 END LIMIT ?
				""").params(enrolmentId, limit).query(HatRepository::dose).list();
	}

	/**
	 * How many doses were missed in a row up to and including the latest one recorded.
	 */
	public int missedInRow(UUID enrolmentId) {
		return jdbc.sql("""
				SELECT count(*) FROM hatclinic.dose d WHERE d.enrolment_id = ? AND NOT d.given
				AND NOT EXISTS (SELECT 1 FROM hatclinic.dose g WHERE g.enrolment_id = d.enrolment_id AND g.given
				  AND (g.dose_on > d.dose_on OR (g.dose_on = d.dose_on AND g.slot = 'EVENING' AND d.slot = 'MORNING')))
				""").param(enrolmentId).query(Integer.class).single();
	}

	public Optional<Review> openReview(UUID enrolmentId) {
		return jdbc.sql("""
				SELECT r.id, r.enrolment_id, e.client_code, r.missed_in_row, r.raised_at FROM hatclinic.review r
				JOIN hatclinic.enrolment e ON e.id = r.enrolment_id WHERE r.enrolment_id = ? AND r.closed_at IS NULL
				""").param(enrolmentId).query(HatRepository::review).optional();
	}

	/** Raises a review unless one is open for the enrolment; true when it raised one. */
	public boolean raiseReview(UUID id, String owner, UUID enrolmentId, int missedInRow, Instant now) {
		return jdbc.sql("""
				INSERT INTO hatclinic.review (id, owner_agency, enrolment_id, missed_in_row, raised_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (enrolment_id) WHERE closed_at IS NULL DO NOTHING
				""").params(id, owner, enrolmentId, missedInRow, Timestamp.from(now)).update() == 1;
	}

	public List<Review> openReviews(String owner) {
		return jdbc.sql("""
				SELECT r.id, r.enrolment_id, e.client_code, r.missed_in_row, r.raised_at FROM hatclinic.review r
				JOIN hatclinic.enrolment e ON e.id = r.enrolment_id WHERE r.owner_agency = ? AND r.closed_at IS NULL
				ORDER BY r.raised_at
				""").param(owner).query(HatRepository::review).list();
	}

	public long openReviewCount(String owner) {
		return jdbc.sql("SELECT count(*) FROM hatclinic.review WHERE owner_agency = ? AND closed_at IS NULL")
			.param(owner)
			.query(Long.class)
			.single();
	}

	/** Closes the owner's open review; false when there is none by that id. */
	public boolean closeReview(UUID id, String owner, Instant now, String by) {
		return jdbc.sql("""
				UPDATE hatclinic.review SET closed_at = ?, closed_by = ?
				WHERE id = ? AND owner_agency = ? AND closed_at IS NULL
				""").params(Timestamp.from(now), by, id, owner).update() == 1;
	}

	/** Adds a profile; false when the enrolment has one for that stage already. */
	public boolean addOutcome(UUID id, UUID enrolmentId, OutcomeDraft o, Instant now, String by) {
		return jdbc.sql("""
				INSERT INTO hatclinic.outcome_profile (id, enrolment_id, stage, completed_on, street_heroin_days,
				  crack_days, other_opiate_days, alcohol_days, cannabis_days, injecting_days, crimes,
				  psychological_health, physical_health, quality_of_life, housing, work_days, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (enrolment_id, stage) DO NOTHING
				""")
			.params(id, enrolmentId, o.stage().name(), o.completedOn(), o.streetHeroinDays(), o.crackDays(),
					o.otherOpiateDays(), o.alcoholDays(), o.cannabisDays(), o.injectingDays(), o.crimes(),
					o.psychologicalHealth(), o.physicalHealth(), o.qualityOfLife(), o.housing().name(), o.workDays(),
					Timestamp.from(now), by)
			.update() == 1;
	}

	public List<OutcomeDraft> outcomes(UUID enrolmentId) {
		return jdbc
			.sql("""
					SELECT stage, completed_on, street_heroin_days, crack_days, other_opiate_days, alcohol_days,
					  cannabis_days, injecting_days, crimes, psychological_health, physical_health, quality_of_life, housing,
					  work_days FROM hatclinic.outcome_profile WHERE enrolment_id = ? ORDER BY completed_on
					""")
			.param(enrolmentId)
			.query((rs, row) -> new OutcomeDraft(Stage.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
					rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
					rs.getInt(10), rs.getInt(11), rs.getInt(12), Housing.valueOf(rs.getString(13)), rs.getInt(14)))
			.list();
	}

	/**
	 * Every follow-up profile paired with the same enrolment's start profile: of one
	 * owner, or of all when {@code owner} is null.
	 */
	public List<OutcomePair> outcomePairs(@Nullable String owner) {
		return jdbc.sql("""
				SELECT e.enrolled_on, f.stage, s.crimes, f.crimes, s.street_heroin_days, f.street_heroin_days,
				  s.injecting_days, f.injecting_days
				FROM hatclinic.outcome_profile f
				JOIN hatclinic.outcome_profile s ON s.enrolment_id = f.enrolment_id AND s.stage = 'START'
				JOIN hatclinic.enrolment e ON e.id = f.enrolment_id
				WHERE f.stage <> 'START' AND (CAST(? AS TEXT) IS NULL OR e.owner_agency = ?)
				""")
			.params(owner, owner)
			.query((rs, row) -> new OutcomePair(rs.getObject(1, LocalDate.class), Stage.valueOf(rs.getString(2)),
					rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
			.list();
	}

	public List<UnitCostRow> unitCosts() {
		return jdbc
			.sql("SELECT code, amount, source, updated_at, updated_by FROM hatclinic.unit_cost ORDER BY position")
			.query((rs, row) -> new UnitCostRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
					instant(rs.getTimestamp(4)), rs.getString(5)))
			.list();
	}

	/** Changes a unit cost; false when there is none by that code. */
	public boolean updateUnitCost(String code, BigDecimal amount, String source, Instant now, String by) {
		return jdbc.sql("""
				UPDATE hatclinic.unit_cost SET amount = ?, source = ?, updated_at = ?, updated_by = ? WHERE code = ?
				""").params(amount, source, Timestamp.from(now), by, code).update() == 1;
	}

	/**
	 * The mean diamorphine given per patient-day over the days from {@code from}, and how
	 * many patient-days it counts.
	 */
	public double[] meanDailyMg(String owner, LocalDate from) {
		return jdbc.sql("""
				SELECT coalesce(sum(d.dose_mg), 0), count(DISTINCT (d.enrolment_id, d.dose_on))
				FROM hatclinic.dose d JOIN hatclinic.enrolment e ON e.id = d.enrolment_id
				WHERE e.owner_agency = ? AND d.given AND d.dose_on >= ?
				""").params(owner, from).query((rs, row) -> new double[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	private static ReferralRow referralRow(ResultSet rs, int row) throws SQLException {
		var decision = rs.getString("decision");
		return new ReferralRow(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
				rs.getString("client_code"), ReferralSource.valueOf(rs.getString("source")),
				rs.getObject("consent_on", LocalDate.class), rs.getObject("referred_on", LocalDate.class),
				(Integer) rs.getObject("dependence_years"), (Integer) rs.getObject("failed_oral_episodes"),
				(Integer) rs.getObject("age"), (Boolean) rs.getObject("attends_twice_daily"),
				decision == null ? null : Decision.valueOf(decision), rs.getString("decision_reason"),
				instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"),
				rs.getObject("enrolment_id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("source_reference"), rs.getString("sending_agency"));
	}

	private static EnrolmentRow enrolmentRow(ResultSet rs, int row) throws SQLException {
		return new EnrolmentRow(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
				rs.getObject("referral_id", UUID.class), rs.getString("client_code"), rs.getString("district_code"),
				rs.getObject("enrolled_on", LocalDate.class), rs.getObject("first_dose_on", LocalDate.class),
				rs.getObject("ended_on", LocalDate.class),
				rs.getString("end_reason") == null ? null : EndReason.valueOf(rs.getString("end_reason")),
				rs.getString("end_note"));
	}

	private static Licence licence(ResultSet rs, int row) throws SQLException {
		return new Licence(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6));
	}

	private static Prescription prescription(ResultSet rs, int row) throws SQLException {
		return new Prescription(rs.getObject(1, UUID.class), Route.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
				rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8));
	}

	private static Dose dose(ResultSet rs, int row) throws SQLException {
		var observation = rs.getString(5);
		return new Dose(rs.getObject(1, LocalDate.class), DoseSlot.valueOf(rs.getString(2)), rs.getBoolean(3),
				(Integer) rs.getObject(4), observation == null ? null : Observation.valueOf(observation),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
	}

	private static Review review(ResultSet rs, int row) throws SQLException {
		return new Review(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
				rs.getTimestamp(5).toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
