package org.harmwatch.hatclinic.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.harmwatch.hatclinic.Dose;
import org.harmwatch.hatclinic.DoseSlot;
import org.harmwatch.hatclinic.Observation;
import org.harmwatch.hatclinic.Prescription;
import org.harmwatch.hatclinic.Route;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clinic session screen in one query (not Spring Session's
 * {@code sessionRepository}): every client of the clinic in treatment with the
 * prescription in force on the day, the last dose given, the dose recorded for the day
 * and slot, and whether a review is open (four queries per client before: 121 for a
 * session of 30).
 */
@Repository
public class DosingSessionRepository {

	/** One client on the screen as stored. */
	public record SessionEntry(UUID enrolmentId, String clientCode, @Nullable Prescription prescription,
			@Nullable Integer lastGivenMg, @Nullable Dose recorded, boolean underReview) {
	}

	/** One client in treatment with their open review, if any. */
	public record PatientEntry(UUID enrolmentId, UUID referralId, String clientCode, String districtCode,
			LocalDate enrolledOn, @Nullable LocalDate firstDoseOn, @Nullable UUID reviewId,
			@Nullable Integer reviewMissed, java.time.@Nullable Instant reviewRaisedAt) {
	}

	private final JdbcClient jdbc;

	DosingSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The owner's clients in treatment on the screen for the day and slot, by client
	 * code.
	 */
	public List<SessionEntry> session(String owner, LocalDate day, DoseSlot slot) {
		return jdbc
			.sql("""
					SELECT e.id, e.client_code,
					  p.id AS p_id, p.route, p.min_mg, p.max_mg, p.starts_on, p.titration_note, p.prescriber, p.licence_number,
					  (SELECT g.dose_mg FROM hatclinic.dose g WHERE g.enrolment_id = e.id AND g.given
					    ORDER BY g.dose_on DESC, CASE g.slot WHEN 'EVENING' THEN 0 ELSE 1 END LIMIT 1) AS last_mg,
					  d.dose_on, d.slot, d.given, d.dose_mg, d.observation, d.adverse_event, d.recorded_at, d.recorded_by,
					  EXISTS (SELECT 1 FROM hatclinic.review v WHERE v.enrolment_id = e.id AND v.closed_at IS NULL) AS review
					FROM hatclinic.enrolment e
					LEFT JOIN LATERAL (
					  SELECT p.id, p.route, p.min_mg, p.max_mg, p.starts_on, p.titration_note, p.prescriber, l.licence_number
					  FROM hatclinic.prescription p JOIN hatclinic.licence l ON l.id = p.licence_id
					  WHERE p.enrolment_id = e.id AND p.starts_on <= ? ORDER BY p.starts_on DESC, p.recorded_at DESC LIMIT 1
					) p ON true
					LEFT JOIN hatclinic.dose d ON d.enrolment_id = e.id AND d.dose_on = ? AND d.slot = ?
					WHERE e.owner_agency = ? AND e.ended_on IS NULL
					ORDER BY e.client_code, e.id
					""")
			.params(day, day, slot.name(), owner)
			.query(DosingSessionRepository::entry)
			.list();
	}

	/** The owner's clients in treatment with their open review, by client code. */
	public List<PatientEntry> patients(String owner) {
		return jdbc.sql("""
				SELECT e.id, e.referral_id, e.client_code, e.district_code, e.enrolled_on, e.first_dose_on,
				  v.id, v.missed_in_row, v.raised_at
				FROM hatclinic.enrolment e
				LEFT JOIN hatclinic.review v ON v.enrolment_id = e.id AND v.closed_at IS NULL
				WHERE e.owner_agency = ? AND e.ended_on IS NULL
				ORDER BY e.client_code, e.id
				""")
			.param(owner)
			.query((rs, row) -> new PatientEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getObject(7, UUID.class), (Integer) rs.getObject(8),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
			.list();
	}

	private static SessionEntry entry(ResultSet rs, int row) throws SQLException {
		var prescriptionId = rs.getObject("p_id", UUID.class);
		var prescription = prescriptionId == null ? null
				: new Prescription(prescriptionId, Route.valueOf(rs.getString("route")), rs.getInt("min_mg"),
						rs.getInt("max_mg"), rs.getObject("starts_on", LocalDate.class), rs.getString("titration_note"),
						rs.getString("prescriber"), rs.getString("licence_number"));
		Dose dose = null;
		var doseOn = rs.getObject("dose_on", LocalDate.class);
		if (doseOn != null) {
			var observation = rs.getString("observation");
			dose = new Dose(doseOn, DoseSlot.valueOf(rs.getString("slot")), rs.getBoolean("given"),
					(Integer) rs.getObject("dose_mg"), observation == null ? null : Observation.valueOf(observation),
					rs.getString("adverse_event"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by"));
		}
		return new SessionEntry(rs.getObject(1, UUID.class), rs.getString(2), prescription,
				(Integer) rs.getObject("last_mg"), dose, rs.getBoolean("review"));
	}

}
