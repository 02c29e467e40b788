package org.harmwatch.dissemination.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.earlywarning.GradingOverdue;
import org.harmwatch.earlywarning.GradingReminderDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the expert panel's reminders and the out-of-hours lead's escalation, which early
 * warning publishes once each (it records every chaser it sends). A member who cannot be
 * reached (no such enabled account, or the mail server refuses) is logged and the others
 * are still told: a reminder is never worth holding back the rest.
 */
@Component
class PanelNotices {

	private static final Logger log = LoggerFactory.getLogger(PanelNotices.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");

	private final AgencyManagement agencies;

	private final EmailSender email;

	private final DisseminationProperties properties;

	private final ZoneId zone;

	PanelNotices(AgencyManagement agencies, EmailSender email, DisseminationProperties properties,
			@Value("${harmwatch.region.time-zone}") ZoneId zone) {
		this.agencies = agencies;
		this.email = email;
		this.properties = properties;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(GradingReminderDue reminder) {
		var link = properties.baseUrl() + "/early-warning/signals/" + reminder.signalId() + "/grade";
		for (var username : reminder.usernames()) {
			tell(username, "Reminder: a signal is waiting for your grade",
					"A validated early-warning signal is waiting for your grade. Grading closes on "
							+ WHEN.format(reminder.deadline().atZone(zone)) + ".\n\nGrade it here: " + link + "\n");
		}
	}

	@ApplicationModuleListener
	void on(GradingOverdue overdue) {
		var link = properties.baseUrl() + "/early-warning/signals/" + overdue.signalId() + "/panel";
		tell(overdue.escalateTo(), "Escalation: panel grading is overdue",
				"The panel's deadline for grading a validated early-warning signal passed on "
						+ WHEN.format(overdue.deadline().atZone(zone)) + " with " + overdue.gradesSoFar() + " of "
						+ overdue.quorum() + " grades needed. As the out-of-hours lead, please decide what happens "
						+ "next.\n\nThe grading round: " + link + "\n");
	}

	private void tell(String username, String subject, String text) {
		var contact = agencies.contact(username);
		if (contact.isEmpty() || contact.get().email() == null || contact.get().email().isBlank()) {
			log.warn("Panel notice '{}' not sent: no enabled member of staff '{}' with an email address", subject,
					username);
			return;
		}
		try {
			email.sendDirect(contact.get().email(), subject, text);
		}
		catch (Exception ex) {
			log.warn("Panel notice '{}' to '{}' not sent: {}", subject, username, ex.toString());
		}
	}

}
