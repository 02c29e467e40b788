package org.harmwatch.dissemination;

import java.util.List;

import org.harmwatch.dissemination.internal.DisseminationAudit;
import org.harmwatch.dissemination.internal.DisseminationPolicy;
import org.harmwatch.dissemination.internal.InboxRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The professionals' alerts inbox: every alert sent to a member of staff, or to their
 * agency and role, professionals-only, exercise and public alike, each with its versions.
 * Who reads what is {@link DisseminationPolicy}'s to say; every list and every alert read
 * is audited, refusals too.
 */
@Service
public class InboxManagement {

	/** The most alerts the inbox lists. */
	public static final int SHOWN = 100;

	private static final String AUDITED = "alert-inbox";

	private final InboxRepository inbox;

	private final AuditLog audit;

	InboxManagement(InboxRepository inbox, AuditLog audit) {
		this.inbox = inbox;
		this.audit = audit;
	}

	/** The alerts sent to the user or to their agency and role, newest first. */
	public List<InboxAlert> inbox(HarmwatchUser user) {
		var alerts = inbox.latest(user.id())
			.stream()
			.filter(s -> DisseminationPolicy.wasSentTo(user, s.groups(), s.deliveredToStaff()))
			.limit(SHOWN)
			.map(s -> new InboxAlert(s.issue().reference(), List.of(s.issue()), true))
			.toList();
		audit.recordFor(user.getUsername(), user.agencyCode(), DisseminationAudit.INBOX_LISTED, AUDITED, null,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, alerts.size() + " alerts");
		return alerts;
	}

	/**
	 * One alert with all its versions, for a reader it was sent to (or an early-warning
	 * reader).
	 * @throws NotFoundException when no alert has this reference
	 * @throws AccessDeniedException when it was not sent to the reader
	 */
	public InboxAlert alert(HarmwatchUser user, String reference) {
		var issues = inbox.byReference(reference, user.id());
		if (issues.isEmpty()) {
			throw new NotFoundException("alerts.error.notFound.alert", reference);
		}
		var latest = issues.getFirst();
		if (!DisseminationPolicy.mayRead(user, latest.groups(), latest.deliveredToStaff())) {
			audit.recordFor(user.getUsername(), user.agencyCode(), DisseminationAudit.INBOX_ALERT_WITHHELD, AUDITED,
					reference, Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, null);
			throw new AccessDeniedException("Alert " + reference + " was not sent to " + user.getUsername());
		}
		audit.recordFor(user.getUsername(), user.agencyCode(), DisseminationAudit.INBOX_ALERT_READ, AUDITED, reference,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, "version " + latest.issue().version());
		return new InboxAlert(reference, issues.stream().map(InboxRepository.Sent::issue).toList(),
				DisseminationPolicy.wasSentTo(user, latest.groups(), latest.deliveredToStaff()));
	}

}
