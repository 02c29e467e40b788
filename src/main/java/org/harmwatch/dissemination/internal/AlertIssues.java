package org.harmwatch.dissemination.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.Audience;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each issue of an alert as the event described it, kept so that the sender can render
 * messages long after the event was handled.
 */
@Component
public class AlertIssues {

	private final JdbcClient jdbc;

	AlertIssues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an issue once; a second call for the same alert and version changes nothing.
	 */
	void store(AlertIssued alert, java.time.Instant now) {
		jdbc.sql("""
				INSERT INTO dissemination.alert_issue (alert_id, version, reference, message_type, level, audiences,
				  exercise, headline, look_out_for, public_advice, professional_advice, sms_text, lad_codes,
				  substance_classes, substances, web_path, issued_at, expires_at, received_at)
				VALUES (:id, :version, :reference, :type, :level, :audiences, :exercise, :headline, :lookOutFor,
				  :publicAdvice, :professionalAdvice, :sms, :lads, :classes, :substances, :path, :issuedAt, :expiresAt,
				  :now)
				ON CONFLICT DO NOTHING""")
			.param("id", alert.alertId())
			.param("version", alert.version())
			.param("reference", alert.reference())
			.param("type", alert.messageType().name())
			.param("level", alert.level().name())
			.param("audiences", alert.audiences().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("exercise", alert.exercise())
			.param("headline", alert.headline())
			.param("lookOutFor", alert.lookOutFor())
			.param("publicAdvice", alert.publicAdvice())
			.param("professionalAdvice", alert.professionalAdvice())
			.param("sms", alert.smsText())
			.param("lads", alert.ladCodes().toArray(String[]::new))
			.param("classes", alert.substanceClasses().toArray(String[]::new))
			.param("substances", alert.substances().toArray(String[]::new))
			.param("path", alert.webPath())
			.param("issuedAt", Timestamp.from(alert.issuedAt()))
			.param("expiresAt", alert.expiresAt() == null ? null : Timestamp.from(alert.expiresAt()))
			.param("now", Timestamp.from(now))
			.update();
	}

	public Optional<AlertIssued> find(UUID alertId, int version) {
		return jdbc.sql("SELECT * FROM dissemination.alert_issue WHERE alert_id = ? AND version = ?")
			.params(alertId, version)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** An issue as stored here: without its signal, which deliveries never need. */
	static AlertIssued map(ResultSet rs) throws SQLException {
		var expires = rs.getTimestamp("expires_at");
		return new AlertIssued(rs.getObject("alert_id", UUID.class), rs.getInt("version"), rs.getString("reference"),
				AlertMessageType.valueOf(rs.getString("message_type")), AlertLevel.valueOf(rs.getString("level")),
				strings(rs.getArray("audiences")).stream().map(Audience::valueOf).collect(Collectors.toSet()),
				rs.getBoolean("exercise"), rs.getString("headline"), rs.getString("look_out_for"),
				rs.getString("public_advice"), rs.getString("professional_advice"), rs.getString("sms_text"),
				strings(rs.getArray("lad_codes")), strings(rs.getArray("substance_classes")),
				strings(rs.getArray("substances")), rs.getString("web_path"), rs.getTimestamp("issued_at").toInstant(),
				expires == null ? null : expires.toInstant(), null, null);
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
