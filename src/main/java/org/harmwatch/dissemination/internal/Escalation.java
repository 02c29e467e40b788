package org.harmwatch.dissemination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.agency.AgencyManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates alerts that holders of key roles have not acknowledged: once per delivery,
 * first from an agency's cascade lead to its deputy (who then has the alert to
 * acknowledge), then by one email to the configured out-of-hours lead
 * ({@code harmwatch.dissemination.escalation.to}) listing who has not acknowledged what:
 * leads without a deputy, deputies who have not acknowledged either, and other key roles.
 * Once the lead or the deputy has acknowledged for their agency, the other's delivery is
 * not escalated.
 *
 * <p>
 * Rows are marked escalated before the email is sent, so an escalation is sent at most
 * once; if the email fails, it is logged (the delivery log still shows the alert
 * unacknowledged).
 */
@Component
public class Escalation {

	private static final Logger log = LoggerFactory.getLogger(Escalation.class);

	private final JdbcClient jdbc;

	private final EmailSender email;

	private final DisseminationProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	private final AgencyManagement agencies;

	Escalation(JdbcClient jdbc, EmailSender email, DisseminationProperties properties, Clock clock,
			MessageSource messages, AgencyManagement agencies) {
		this.messages = messages;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.email = email;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${harmwatch.dissemination.escalation.every:PT5M}",
			initialDelayString = "${harmwatch.dissemination.escalation.initial-delay:PT2M}")
	@SchedulerLock(name = "dissemination-escalation")
	void scheduled() {
		run(clock.instant());
	}

	/**
	 * Escalates what is due at {@code now}; returns how many deliveries were escalated.
	 */
	public int run(Instant now) {
		var escalation = properties.escalation();
		var unreachable = new ArrayList<String>();
		int deputies = toDeputies(now, unreachable);
		var due = new ArrayList<String>(unreachable);
		due.addAll(jdbc.sql("""
				UPDATE dissemination.delivery d SET escalated_at = :now
				FROM dissemination.alert_issue a
				WHERE a.alert_id = d.alert_id AND a.version = d.version
				  AND d.key_role AND d.state = 'SENT' AND d.acknowledged_at IS NULL AND d.escalated_at IS NULL
				  AND d.sent_at <= :before AND a.level = ANY(CAST(:levels AS TEXT[]))
				  AND NOT (d.cascade IS NOT NULL AND EXISTS (SELECT 1 FROM dissemination.delivery o
				    WHERE o.alert_id = d.alert_id AND o.version = d.version AND o.agency_code = d.agency_code
				      AND o.cascade IS NOT NULL AND o.acknowledged_at IS NOT NULL))
				RETURNING a.reference, a.headline, a.level, d.recipient, d.agency_code, d.sent_at""")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(escalation.after())))
			.param("levels", escalation.levels().stream().map(Enum::name).toArray(String[]::new))
			.query((rs, n) -> rs.getString("level") + " " + rs.getString("reference") + " – " + rs.getString("headline")
					+ ": " + rs.getString("recipient") + " (" + rs.getString("agency_code") + "), sent "
					+ rs.getTimestamp("sent_at").toInstant())
			.list());
		if (due.isEmpty()) {
			return deputies;
		}
		// The out-of-hours lead's email is written in English, from the bundle.
		var text = messages.getMessage("dissemination.escalation.body",
				new Object[] { String.valueOf(escalation.after().toMinutes()),
						due.stream().map(line -> "- " + line).collect(Collectors.joining("\n")) },
				Locale.UK);
		if (escalation.to().isBlank()) {
			log.warn("Unacknowledged alerts, but no escalation address is configured:\n{}", text);
		}
		else {
			try {
				email.sendDirect(escalation.to(), messages.getMessage("dissemination.escalation.subject",
						new Object[] { String.valueOf(due.size()) }, Locale.UK), text);
			}
			catch (Exception ex) {
				log.error("Could not send the escalation email: {}\n{}", ex.toString(), text);
			}
		}
		return deputies + due.size();
	}

	/**
	 * Sends each alert its cascade lead has not acknowledged in time to the agency's
	 * deputy, as a delivery the deputy must acknowledge; returns how many were sent on. A
	 * deputy who is no longer active staff of the agency is listed in {@code unreachable}
	 * for the out-of-hours lead.
	 */
	private int toDeputies(Instant now, List<String> unreachable) {
		var escalation = properties.escalation();
		record Due(UUID alert, int version, String agency, UUID deputy, String line) {
		}
		var due = jdbc.sql("""
				UPDATE dissemination.delivery d SET escalated_at = :now
				FROM dissemination.alert_issue a, dissemination.cascade_lead c
				WHERE a.alert_id = d.alert_id AND a.version = d.version AND c.agency_code = d.agency_code
				  AND d.cascade = 'LEAD' AND c.deputy_staff_id IS NOT NULL
				  AND d.state = 'SENT' AND d.acknowledged_at IS NULL AND d.escalated_at IS NULL
				  AND d.sent_at <= :before AND a.level = ANY(CAST(:levels AS TEXT[]))
				RETURNING d.alert_id, d.version, d.agency_code, c.deputy_staff_id, a.reference, a.headline, a.level,
				  d.recipient, d.sent_at""")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(escalation.after())))
			.param("levels", escalation.levels().stream().map(Enum::name).toArray(String[]::new))
			.query((rs, n) -> new Due(rs.getObject("alert_id", UUID.class), rs.getInt("version"),
					rs.getString("agency_code"), rs.getObject("deputy_staff_id", UUID.class),
					rs.getString("level") + " " + rs.getString("reference") + " – " + rs.getString("headline") + ": "
							+ rs.getString("recipient") + " (" + rs.getString("agency_code")
							+ ", cascade lead; the deputy could not be reached), sent "
							+ rs.getTimestamp("sent_at").toInstant()))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		var staff = agencies.staffContacts();
		int sent = 0;
		for (var row : due) {
			var deputy = staff.stream()
				.filter(m -> m.id().equals(row.deputy()) && m.agencyCode().equals(row.agency()))
				.findFirst();
			if (deputy.isEmpty()) {
				unreachable.add(row.line());
				continue;
			}
			var recipient = deputy.get().email().toLowerCase();
			jdbc.sql(
					"""
							INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
							  staff_id, agency_code, key_role, cascade, state, next_attempt_at, created_at, token)
							VALUES (:key, :alert, :version, 'EMAIL', :recipient, 'PROFESSIONALS', :staff, :agency, TRUE,
							  'DEPUTY', 'PENDING', :now, :now, :token)
							ON CONFLICT (idempotency_key) DO UPDATE SET key_role = TRUE,
							  cascade = coalesce(dissemination.delivery.cascade, 'DEPUTY')""")
				.param("key", row.alert() + ":" + row.version() + ":" + recipient + ":EMAIL")
				.param("alert", row.alert())
				.param("version", row.version())
				.param("recipient", recipient)
				.param("staff", deputy.get().id())
				.param("agency", row.agency())
				.param("now", Timestamp.from(now))
				.param("token", Tokens.newToken())
				.update();
			sent++;
		}
		return sent;
	}

}
