package org.harmwatch.dissemination.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agencies' named cascade leads and deputies (the LDIS model), and the deliveries
 * made to them: who has acknowledged an alert for their agency, and who has not.
 */
@Repository
public class CascadeLeads {

	/** An agency's lead and, if named, deputy. */
	public record Lead(String agencyCode, UUID lead, @Nullable UUID deputy, String namedBy, Instant namedAt) {
	}

	/** A delivery to a lead or deputy, for the delivery log. */
	public record Delivery(String agencyCode, @Nullable UUID staffId, String cascade, int version, String state,
			@Nullable Instant sentAt, @Nullable Instant acknowledgedAt, @Nullable Instant escalatedAt) {
	}

	private final JdbcClient jdbc;

	CascadeLeads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Lead> leads() {
		return jdbc.sql("SELECT * FROM dissemination.cascade_lead ORDER BY agency_code")
			.query((rs, n) -> new Lead(rs.getString("agency_code"), rs.getObject("lead_staff_id", UUID.class),
					rs.getObject("deputy_staff_id", UUID.class), rs.getString("named_by"),
					rs.getTimestamp("named_at").toInstant()))
			.list();
	}

	public Optional<Lead> lead(String agencyCode) {
		return leads().stream().filter(l -> l.agencyCode().equals(agencyCode)).findFirst();
	}

	public void name(String agencyCode, UUID lead, @Nullable UUID deputy, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO dissemination.cascade_lead (agency_code, lead_staff_id, deputy_staff_id, named_by, named_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (agency_code) DO UPDATE SET lead_staff_id = EXCLUDED.lead_staff_id,
				  deputy_staff_id = EXCLUDED.deputy_staff_id, named_by = EXCLUDED.named_by,
				  named_at = EXCLUDED.named_at""").params(agencyCode, lead, deputy, by, Timestamp.from(at)).update();
	}

	public boolean remove(String agencyCode) {
		return jdbc.sql("DELETE FROM dissemination.cascade_lead WHERE agency_code = ?").param(agencyCode).update() > 0;
	}

	/** Every delivery to a lead or deputy of one alert, all versions. */
	public List<Delivery> deliveries(UUID alertId) {
		return jdbc.sql("""
				SELECT agency_code, staff_id, cascade, version, state, sent_at, acknowledged_at, escalated_at
				FROM dissemination.delivery WHERE alert_id = ? AND cascade IS NOT NULL
				ORDER BY agency_code, version, cascade DESC""")
			.param(alertId)
			.query((rs, n) -> new Delivery(rs.getString("agency_code"), rs.getObject("staff_id", UUID.class),
					rs.getString("cascade"), rs.getInt("version"), rs.getString("state"), instant(rs, "sent_at"),
					instant(rs, "acknowledged_at"), instant(rs, "escalated_at")))
			.list();
	}

	private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
