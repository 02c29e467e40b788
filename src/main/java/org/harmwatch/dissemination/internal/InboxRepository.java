package org.harmwatch.dissemination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertIssued;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The issues of alerts as the alerts inbox reads them: each with the agencies and roles
 * it was sent to and whether it was delivered to one member of staff.
 */
@Component
public class InboxRepository {

	/** How many of the latest alerts to professionals the inbox looks through. */
	static final int LOOKED_THROUGH = 500;

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An alert's issue as sent: to which groups of any of its versions, and whether any
	 * version was delivered to the member of staff.
	 *
	 * @param issue the issue
	 * @param versions how many versions the alert has
	 * @param groups the agencies and roles any of its versions was sent to
	 * @param deliveredToStaff whether any version was delivered to the member of staff
	 */
	public record Sent(AlertIssued issue, int versions, List<DisseminationPolicy.Group> groups,
			boolean deliveredToStaff) {

		public Sent {
			groups = List.copyOf(groups);
		}

	}

	/**
	 * Issues with how many versions their alert has, the agencies and roles they went to,
	 * and whether one was delivered to the staff member {@code :staff}.
	 */
	private static final String ISSUES = """
			SELECT i.*,
			  (SELECT count(*) FROM dissemination.alert_issue v WHERE v.alert_id = i.alert_id) AS versions,
			  ARRAY(SELECT coalesce(g.agency_code, '') || '|' || coalesce(g.role_name, '')
			    FROM dissemination.issue_recipient_group g WHERE g.alert_id = i.alert_id) AS groups,
			  EXISTS (SELECT 1 FROM dissemination.delivery d WHERE d.alert_id = i.alert_id AND d.staff_id = :staff)
			    AS delivered
			FROM dissemination.alert_issue i
			""";

	/**
	 * The latest issue of each of the newest alerts that went to professionals, newest
	 * first.
	 */
	public List<Sent> latest(UUID staffId) {
		return jdbc.sql(ISSUES + """
				WHERE 'PROFESSIONALS' = ANY (i.audiences)
				  AND i.version = (SELECT max(x.version) FROM dissemination.alert_issue x WHERE x.alert_id = i.alert_id)
				ORDER BY i.issued_at DESC, i.reference DESC
				LIMIT :limit""")
			.param("staff", staffId)
			.param("limit", LOOKED_THROUGH)
			.query((rs, n) -> sent(rs, AlertIssues.map(rs)))
			.list();
	}

	/**
	 * Every issue of the alert with this reference, newest first; empty when there is
	 * none.
	 */
	public List<Sent> byReference(String reference, UUID staffId) {
		var issues = jdbc.sql(ISSUES + """
				WHERE i.reference = :reference
				ORDER BY i.version DESC""")
			.param("staff", staffId)
			.param("reference", reference)
			.query((rs, n) -> sent(rs, AlertIssues.map(rs)))
			.list();
		return issues;
	}

	private static Sent sent(ResultSet rs, AlertIssued issue) throws SQLException {
		var groups = new ArrayList<DisseminationPolicy.Group>();
		for (var g : AlertIssues.strings(rs.getArray("groups"))) {
			int bar = g.indexOf('|');
			var agency = g.substring(0, bar);
			var role = g.substring(bar + 1);
			groups.add(new DisseminationPolicy.Group(agency.isEmpty() ? null : agency, role.isEmpty() ? null : role));
		}
		return new Sent(issue, rs.getInt("versions"), groups, rs.getBoolean("delivered"));
	}

}
