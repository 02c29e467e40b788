package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelGrade;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The panel's grades (one per member per signal, replaceable) and the reminders and
 * escalations sent, each once.
 */
@Repository
public class PanelRepository {

	/** A reminder sent to a member, or the escalation to the out-of-hours lead. */
	public enum ChaserKind {

		REMINDER, ESCALATION

	}

	/** One reminder or escalation sent. */
	public record Chaser(String username, ChaserKind kind, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	PanelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A signal's grades, earliest first. */
	public List<PanelGrade> grades(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.panel_grade WHERE signal_id = ? ORDER BY first_graded_at, username")
			.param(signalId)
			.query((rs, n) -> grade(rs))
			.list();
	}

	/**
	 * Stores a member's grade, replacing their earlier one (whose first grading time is
	 * kept).
	 */
	public void saveGrade(UUID signalId, String username, String displayName, EvidenceStrength strength,
			PotentialHarm harm, PanelOutcome recommendation, String rationale, Instant at) {
		var when = Timestamp.from(at);
		jdbc.sql(
				"""
						INSERT INTO earlywarning.panel_grade (signal_id, username, display_name, evidence_strength, harm,
						  recommendation, rationale, first_graded_at, graded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (signal_id, username) DO UPDATE SET display_name = EXCLUDED.display_name,
						  evidence_strength = EXCLUDED.evidence_strength, harm = EXCLUDED.harm,
						  recommendation = EXCLUDED.recommendation, rationale = EXCLUDED.rationale, graded_at = EXCLUDED.graded_at""")
			.param(signalId)
			.param(username)
			.param(displayName)
			.param(strength.name())
			.param(harm.name())
			.param(recommendation.name())
			.param(rationale)
			.param(when)
			.param(when)
			.update();
	}

	/** The reminders and escalations sent on a signal, earliest first. */
	public List<Chaser> chasers(UUID signalId) {
		return jdbc
			.sql("SELECT username, kind, sent_at FROM earlywarning.panel_chaser WHERE signal_id = ? "
					+ "ORDER BY sent_at, username")
			.param(signalId)
			.query((rs, n) -> new Chaser(rs.getString("username"), ChaserKind.valueOf(rs.getString("kind")),
					rs.getTimestamp("sent_at").toInstant()))
			.list();
	}

	/**
	 * Records a reminder or escalation; {@code false} when it was sent before (by this or
	 * another instance).
	 */
	public boolean recordChaser(UUID signalId, String username, ChaserKind kind, Instant at) {
		return jdbc
			.sql("INSERT INTO earlywarning.panel_chaser (signal_id, username, kind, sent_at) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
			.param(signalId)
			.param(username)
			.param(kind.name())
			.param(Timestamp.from(at))
			.update() == 1;
	}

	private static PanelGrade grade(ResultSet rs) throws SQLException {
		return new PanelGrade(rs.getObject("signal_id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), EvidenceStrength.valueOf(rs.getString("evidence_strength")),
				PotentialHarm.valueOf(rs.getString("harm")), PanelOutcome.valueOf(rs.getString("recommendation")),
				rs.getString("rationale"), rs.getTimestamp("first_graded_at").toInstant(),
				rs.getTimestamp("graded_at").toInstant());
	}

}
