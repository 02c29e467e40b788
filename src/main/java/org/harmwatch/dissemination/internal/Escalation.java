package org.harmwatch.dissemination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates alerts that holders of key roles have not acknowledged: once per delivery, by
 * one email to the configured out-of-hours lead
 * ({@code harmwatch.dissemination.escalation.to}) listing who has not acknowledged what.
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

	Escalation(JdbcClient jdbc, EmailSender email, DisseminationProperties properties, Clock clock,
			MessageSource messages) {
		this.messages = messages;
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
		var due = jdbc.sql("""
				UPDATE dissemination.delivery d SET escalated_at = :now
				FROM dissemination.alert_issue a
				WHERE a.alert_id = d.alert_id AND a.version = d.version
				  AND d.key_role AND d.state = 'SENT' AND d.acknowledged_at IS NULL AND d.escalated_at IS NULL
				  AND d.sent_at <= :before AND a.level = ANY(CAST(:levels AS TEXT[]))
				RETURNING a.reference, a.headline, a.level, d.recipient, d.agency_code, d.sent_at""")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(escalation.after())))
			.param("levels", escalation.levels().stream().map(Enum::name).toArray(String[]::new))
			.query((rs, n) -> rs.getString("level") + " " + rs.getString("reference") + " – " + rs.getString("headline")
					+ ": " + rs.getString("recipient") + " (" + rs.getString("agency_code") + "), sent "
					+ rs.getTimestamp("sent_at").toInstant())
			.list();
		if (due.isEmpty()) {
			return 0;
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
		return due.size();
	}

}
