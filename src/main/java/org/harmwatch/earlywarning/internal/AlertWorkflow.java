package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertReach;
import org.harmwatch.earlywarning.AlertRecipients;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelGrade;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application code of alerts: loads the {@link Alert}, checks the content, lets the
 * alert apply its rules, saves it, audits, and on issue writes the texts, validates the
 * CAP and publishes {@link AlertIssued}.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class AlertWorkflow {

	private static final String AUDITED = "early-warning-alert";

	private final AlertRepository alerts;

	private final AlertReadRepository reads;

	private final AlertDraftCheck checks;

	private final AlertCap cap;

	private final AlertSettings settings;

	private final EarlyWarningManagement earlyWarning;

	private final SubstanceManagement substances;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final PanelRepository panel;

	private final ObjectProvider<AlertRecipients> recipients;

	AlertWorkflow(AlertRepository alerts, AlertReadRepository reads, AlertDraftCheck checks, AlertCap cap,
			AlertSettings settings, EarlyWarningManagement earlyWarning, SubstanceManagement substances,
			ApplicationEventPublisher events, AuditLog audit, PanelRepository panel,
			ObjectProvider<AlertRecipients> recipients) {
		this.panel = panel;
		this.recipients = recipients;
		this.alerts = alerts;
		this.reads = reads;
		this.checks = checks;
		this.cap = cap;
		this.settings = settings;
		this.earlyWarning = earlyWarning;
		this.substances = substances;
		this.events = events;
		this.audit = audit;
	}

	/** Drafts a new alert from a signal. */
	public UUID draft(UUID signalId, AlertDraft draft, String drafter, Instant now) {
		var signal = earlyWarning.signal(signalId);
		var allowed = Alert.requireDraftable(signal.status(), signal.outcome());
		var problems = checks.check(draft, allowed, now, false);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var alert = Alert.draft(signalId, signal.status(), signal.outcome(), draft.exercise(),
				content(draft, AlertMessageType.ALERT, draft.exercise()), drafter, now);
		alerts.save(alert);
		audit.recordFor(drafter, null, EarlyWarningAudit.ALERT_DRAFTED, AUDITED, alert.id().toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, "from signal " + signalId);
		return alert.id();
	}

	/** Drafts an update of an issued alert. */
	public UUID update(UUID alertId, AlertDraft draft, String drafter, Instant now) {
		var alert = load(alertId);
		var signal = earlyWarning.signal(alert.signalId());
		var allowed = alert.requireUpdatable(signal.status(), signal.outcome());
		var problems = checks.check(draft.withExercise(alert.exercise()), allowed, now, true);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = alert.draftUpdate(signal.status(), signal.outcome(),
				content(draft, AlertMessageType.UPDATE, alert.exercise()), drafter, now);
		alerts.save(alert);
		audit.recordFor(drafter, null, EarlyWarningAudit.ALERT_UPDATE_DRAFTED, AUDITED, alertId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
		return id;
	}

	/**
	 * Drafts the cancellation of an issued alert: its current content, with the reason.
	 */
	public UUID cancel(UUID alertId, @Nullable String reason, String drafter, Instant now) {
		var alert = load(alertId);
		var why = alert.requireCancellable(reason);
		var current = Objects.requireNonNull(alert.current());
		var draft = new AlertDraft(current.level(), current.audiences(), current.ladCodes(), current.substanceCodes(),
				current.headline(), current.lookOutFor(), current.publicAdvice(), current.professionalAdvice(),
				now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(7)), alert.exercise(), why, current.shortText());
		var id = alert.draftCancellation(reason, content(draft, AlertMessageType.CANCEL, alert.exercise()), drafter,
				now);
		alerts.save(alert);
		audit.recordFor(drafter, null, EarlyWarningAudit.ALERT_CANCELLATION_DRAFTED, AUDITED, alertId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, reason);
		return id;
	}

	/**
	 * Who the message waiting on an alert would reach if issued now; unknown when nothing
	 * waits or no module delivers alerts. A cancellation reaches whoever the alert
	 * reached.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public AlertReach reach(UUID alertId) {
		var alert = view(alertId);
		var message = alert.pending();
		if (message == null) {
			return AlertReach.unknown(false);
		}
		boolean online = message.forPublic() && !alert.exercise();
		var counter = recipients.getIfAvailable();
		if (counter == null) {
			return AlertReach.unknown(online);
		}
		var audiences = alert.exercise() ? EnumSet.of(Audience.PROFESSIONALS) : message.audiences();
		var counts = counter.reach(audiences, alert.exercise(),
				message.areas().stream().map(AlertView.Area::code).toList(),
				message.substances().stream().map(AlertView.Substance::substanceClass).distinct().toList());
		return new AlertReach(counts, true, online);
	}

	/**
	 * Signs off the waiting message; the sign-off that completes it issues it. An alert
	 * or update that would reach nobody is refused unless the approver confirms it.
	 */
	public void approve(UUID alertId, HarmwatchUser user, boolean reachesNobodyConfirmed, Instant now) {
		var alert = load(alertId);
		var pending = alert.pending();
		boolean issues = alert.approve(user, now);
		if (issues && pending.messageType() != AlertMessageType.CANCEL && !reachesNobodyConfirmed
				&& reach(alertId).nobody()) {
			// Nothing is saved: the sign-off above lives only in this refused call.
			throw new InputRejectedException(List.of(FieldProblem.of("reachesNobodyConfirmed", "alerts.reach.nobody")));
		}
		audit.recordFor(user.getUsername(), user.agencyCode(),
				issues ? EarlyWarningAudit.ALERT_APPROVED_AND_ISSUED : EarlyWarningAudit.ALERT_APPROVED, AUDITED,
				alertId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				Objects.requireNonNull(pending).messageType().name());
		if (issues) {
			issue(alert, now);
		}
		else {
			alerts.save(alert);
		}
	}

	/** The drafter or a coordinator edits the waiting alert or update. */
	public void edit(UUID alertId, AlertDraft draft, HarmwatchUser user, Instant now) {
		var alert = load(alertId);
		var signal = earlyWarning.signal(alert.signalId());
		var allowed = alert.requireEditable(signal.status(), signal.outcome());
		var update = alert.issuedVersion() > 0;
		var checked = draft.withExercise(alert.exercise());
		var problems = checks.check(checked, allowed, now, update);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		alert.edit(user, content(checked, update ? AlertMessageType.UPDATE : AlertMessageType.ALERT, alert.exercise()));
		alerts.save(alert);
		audit.recordFor(user.getUsername(), user.agencyCode(), EarlyWarningAudit.ALERT_DRAFT_EDITED, AUDITED,
				alertId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
	}

	/** The drafter or a coordinator withdraws the waiting message, saying why. */
	public void withdraw(UUID alertId, @Nullable String reason, HarmwatchUser user, Instant now) {
		var alert = load(alertId);
		var type = alert.pending() == null ? null : alert.pending().messageType();
		var why = alert.withdraw(user, reason, now);
		alerts.save(alert);
		audit.recordFor(user.getUsername(), user.agencyCode(), EarlyWarningAudit.ALERT_DRAFT_WITHDRAWN, AUDITED,
				alertId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, type + ": " + why);
	}

	/** An approver returns the waiting message to its drafter, saying why. */
	public void sendBack(UUID alertId, @Nullable String reason, HarmwatchUser user, Instant now) {
		var alert = load(alertId);
		var type = alert.pending() == null ? null : alert.pending().messageType();
		var why = alert.sendBack(user, reason, now);
		alerts.save(alert);
		audit.recordFor(user.getUsername(), user.agencyCode(), EarlyWarningAudit.ALERT_DRAFT_RETURNED, AUDITED,
				alertId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, type + ": " + why);
	}

	private void issue(Alert alert, Instant now) {
		var message = Objects.requireNonNull(alert.pending());
		var reference = alert.reference() != null ? alert.reference() : nextReference(now);
		boolean cancel = message.messageType() == AlertMessageType.CANCEL;
		var webPath = AlertTexts.webPath(reference, message.forPublic() && !alert.exercise());
		var url = settings.publicUrl() + webPath;
		var sms = cancel
				? AlertTexts.sms(alert.exercise(), true, url, message.note(), message.shortText(), message.headline())
				: AlertTexts.sms(alert.exercise(), false, url, message.shortText(), message.headline());
		var issued = alert.issue(reference, sms, now);
		alerts.save(alert);
		// Fails loudly, rolling the issue back, if the alert cannot be written as valid
		// CAP.
		cap(alert.id(), alert.issuedVersion());
		var found = issued.substanceCodes()
			.stream()
			.map(s -> substances.find(new SubstanceId(s)))
			.flatMap(Optional::stream)
			.toList();
		var issuedAt = Objects.requireNonNull(issued.issuedAt());
		events.publishEvent(new AlertIssued(alert.id(), alert.issuedVersion(), reference, issued.messageType(),
				issued.level(), alert.exercise() ? EnumSet.of(Audience.PROFESSIONALS) : issued.audiences(),
				alert.exercise(), (alert.exercise() ? "EXERCISE: " : "") + issued.headline(), issued.lookOutFor(),
				cancel ? cancelled(issued.note()) : issued.publicAdvice() == null ? "" : issued.publicAdvice(),
				cancel ? cancelled(issued.note())
						: issued.professionalAdvice() == null ? "" : issued.professionalAdvice(),
				sms, issued.ladCodes(), found.stream().map(s -> s.substanceClass().name()).distinct().toList(),
				found.stream().map(SubstanceSummary::name).toList(), webPath, issuedAt, issued.expiresAt(),
				alert.signalId(), earlyWarning.signal(alert.signalId()).firstEvidenceAt()));
	}

	/**
	 * What a cancellation tells its recipients instead of the old advice: that it is
	 * cancelled, and why.
	 */
	static String cancelled(@Nullable String reason) {
		return "This alert has been cancelled." + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
	}

	private String nextReference(Instant now) {
		int year = now.atZone(settings.zone()).getYear();
		return "HW-%d-%04d".formatted(year, alerts.nextReferenceNumber(year));
	}

	/**
	 * An issued version of an alert as valid CAP 1.2.
	 * @throws NotFoundException when the alert has no such issued version
	 */
	@Transactional(readOnly = true)
	public String cap(UUID alertId, int version) {
		var alert = view(alertId);
		var message = alert.issuedMessages()
			.stream()
			.filter(m -> m.version() != null && m.version() == version)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("alerts.error.notFound.version", alertId + "/" + version));
		SignalView signal = earlyWarning.signal(alert.signalId());
		return cap.write(alert, message, signal.status(), strength(panel.grades(alert.signalId())));
	}

	/**
	 * The panel's strength of evidence: the lower median of its grades, {@code null}
	 * without grades.
	 */
	static @Nullable EvidenceStrength strength(List<PanelGrade> grades) {
		if (grades.isEmpty()) {
			return null;
		}
		var sorted = grades.stream().map(PanelGrade::strength).sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/** One alert as pages show it. */
	@Transactional(readOnly = true)
	public AlertView view(UUID alertId) {
		return reads.find(alertId).orElseThrow(() -> new NotFoundException("alerts.error.notFound.alert", alertId));
	}

	/**
	 * The alert, locked until the transaction ends: every caller goes on to change it.
	 */
	private Alert load(UUID alertId) {
		alerts.lockForChange(alertId);
		return alerts.findById(alertId)
			.orElseThrow(() -> new NotFoundException("alerts.error.notFound.alert", alertId));
	}

	/**
	 * The message content of a draft: naloxone advice added where it applies, each
	 * district and substance once.
	 */
	private AlertContent content(AlertDraft draft, AlertMessageType type, boolean exercise) {
		var found = draft.substanceCodes()
			.stream()
			.map(c -> substances.find(new SubstanceId(c)))
			.flatMap(Optional::stream)
			.toList();
		var forPublic = draft.audiences().contains(Audience.PUBLIC);
		var forProfessionals = draft.audiences().contains(Audience.PROFESSIONALS);
		var publicAdvice = forPublic && draft.publicAdvice() != null
				? AlertTexts.publicAdvice(draft.publicAdvice(), found) : null;
		var professionalAdvice = forProfessionals && draft.professionalAdvice() != null
				? AlertTexts.professionalAdvice(draft.professionalAdvice(), found) : null;
		var level = Objects.requireNonNull(draft.level());
		var headline = Objects.requireNonNull(draft.headline()).strip();
		var shortText = draft.shortText() == null || draft.shortText().isBlank() ? null
				: draft.shortText().strip().replaceAll("\\s+", " ");
		var forPublicPage = forPublic && !exercise;
		var url = settings.publicUrl() + AlertTexts.webPath(AlertTexts.SAMPLE_REFERENCE, forPublicPage);
		var sms = type == AlertMessageType.CANCEL
				? AlertTexts.sms(exercise, true, url, draft.note(), shortText, headline)
				: AlertTexts.sms(exercise, false, url, shortText, headline);
		return new AlertContent(level, draft.audiences(), new ArrayList<>(new LinkedHashSet<>(draft.ladCodes())),
				new ArrayList<>(new LinkedHashSet<>(draft.substanceCodes())), headline,
				Objects.requireNonNull(draft.lookOutFor()).strip(), publicAdvice, professionalAdvice,
				draft.note() == null || draft.note().isBlank() ? null : draft.note().strip(),
				Objects.requireNonNull(draft.expiresAt()), Objects.requireNonNull(draft.reviewAt()), shortText, sms);
	}

}
