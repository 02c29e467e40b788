package org.harmwatch.dissemination.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.StaffContact;
import org.harmwatch.earlywarning.ReporterQuestionAsked;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the staff of an agency who report to early warning (not its coordinators) that
 * the coordinator asked their agency a question about one of its reports; when it has
 * none with an e-mail address, its cascade lead and deputy. The e-mail holds only a link:
 * the question and the report are read signed in. Someone who cannot be reached is logged
 * and the others are still told.
 */
@Component
class ReporterQuestionNotices {

	private static final Logger log = LoggerFactory.getLogger(ReporterQuestionNotices.class);

	private final AgencyManagement agencies;

	private final CascadeLeads leads;

	private final EmailSender email;

	private final RegionSettings region;

	private final MessageSource messages;

	ReporterQuestionNotices(AgencyManagement agencies, CascadeLeads leads, EmailSender email, RegionSettings region,
			MessageSource messages) {
		this.agencies = agencies;
		this.leads = leads;
		this.email = email;
		this.region = region;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(ReporterQuestionAsked asked) {
		var coordinators = new HashSet<>(agencies.usernamesHolding(Capability.EARLY_WARNING, Action.MANAGE));
		var recipients = new LinkedHashMap<String, StaffContact>();
		for (var username : agencies.usernamesHolding(Capability.EARLY_WARNING, Action.WRITE)) {
			if (coordinators.contains(username)) {
				continue;
			}
			agencies.contact(username)
				.filter(c -> c.agencyCode().equals(asked.agencyCode()) && c.email() != null && !c.email().isBlank())
				.ifPresent(c -> recipients.put(c.email(), c));
		}
		if (recipients.isEmpty()) {
			var lead = leads.lead(asked.agencyCode());
			if (lead.isPresent()) {
				var ids = new ArrayList<UUID>();
				ids.add(lead.get().lead());
				if (lead.get().deputy() != null) {
					ids.add(lead.get().deputy());
				}
				for (var member : agencies.staffContacts()) {
					if (ids.contains(member.id()) && member.email() != null && !member.email().isBlank()) {
						recipients.put(member.email(), member);
					}
				}
			}
		}
		if (recipients.isEmpty()) {
			log.warn("Question {} to agency {} not e-mailed: no one there to tell; it waits on their home page",
					asked.questionId(), asked.agencyCode());
			return;
		}
		var subject = text("dissemination.question.subject");
		var body = text("dissemination.question.body", region.url("/early-warning/questions/" + asked.questionId()));
		for (var address : recipients.keySet()) {
			try {
				email.sendDirect(address, subject, body);
			}
			catch (Exception ex) {
				log.warn("Question {} not e-mailed to a member of agency {}: {}", asked.questionId(),
						asked.agencyCode(), ex.toString());
			}
		}
	}

	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, Locale.UK);
	}

}
