package org.harmwatch.earlywarning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signals for alert tests, written straight into the database: panel grading is being
 * built in parallel, so a test grades it through the panel's API with {@link #grade}.
 */
public final class AlertTestSignals {

	private AlertTestSignals() {
	}

	/**
	 * A signal about one substance in one district, in the given status (OPEN or
	 * VALIDATED).
	 */
	public static UUID signal(JdbcClient jdbc, String ladCode, String ladName, String substanceCode,
			String substanceClass, SignalStatus status, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO earlywarning.signal (id, group_key, substance_code, substance_class, lad_code, lad_name,
				  status, urgency, rules, opened_at, first_evidence_at, last_evidence_at, evidence_count, decided_at,
				  decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'URGENT', '{}'::text[], ?, ?, ?, 1, ?, ?)""")
			.param(id)
			.param("substance:" + substanceCode + ":test-" + id)
			.param(substanceCode)
			.param(substanceClass)
			.param(ladCode)
			.param(ladName)
			.param(status.name())
			.param(Timestamp.from(at))
			.param(Timestamp.from(at))
			.param(Timestamp.from(at))
			.param(status == SignalStatus.OPEN ? null : Timestamp.from(at))
			.param(status == SignalStatus.OPEN ? null : "coordinator")
			.update();
		return id;
	}

	/**
	 * Grades a validated signal the real way: two panel members grade it and the
	 * coordinator records the outcome.
	 */
	public static void grade(PanelManagement panel, UUID signalId, PanelOutcome outcome, Instant at) {
		panel.grade(signalId, EvidenceStrength.B, PotentialHarm.HIGH, outcome, "Test grade: corroborated.", "panel",
				"Priya Panel", at);
		panel.grade(signalId, EvidenceStrength.B, PotentialHarm.HIGH, outcome, "Test grade: agree.", "panel2",
				"Pat Paramedic", at);
		panel.recordOutcome(signalId, outcome, "Two grades agree.", "coordinator", at);
	}

}
