package org.harmwatch.dissemination.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.earlywarning.GradingOverdue;
import org.harmwatch.earlywarning.GradingReminderDue;
import org.harmwatch.platform.RegionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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

	private final RegionSettings region;

	private final ZoneId zone;

	private final MessageSource messages;

	PanelNotices(AgencyManagement agencies, EmailSender email, RegionSettings region, MessageSource messages) {
		this.agencies = agencies;
		this.messages = messages;
		this.email = email;
		this.region = region;
		this.zone = region.timeZone();
	}

	@ApplicationModuleListener
	void on(GradingReminderDue reminder) {
		var link = region.url("/early-warning/signals/" + reminder.signalId() + "/grade");
		for (var username : reminder.usernames()) {
			tell(username, text("dissemination.panel.reminder.subject"),
					text("dissemination.panel.reminder.body", WHEN.format(reminder.deadline().atZone(zone)), link));
		}
	}

	@ApplicationModuleListener
	void on(GradingOverdue overdue) {
		var link = region.url("/early-warning/signals/" + overdue.signalId() + "/panel");
		tell(overdue.escalateTo(), text("dissemination.panel.overdue.subject"),
				text("dissemination.panel.overdue.body", WHEN.format(overdue.deadline().atZone(zone)),
						String.valueOf(overdue.gradesSoFar()), String.valueOf(overdue.quorum()), link));
	}

	/** A notice's words, from the bundle (the panel's emails are written in English). */
	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, Locale.UK);
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
