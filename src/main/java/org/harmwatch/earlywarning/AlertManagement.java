package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.earlywarning.internal.Alert;
import org.harmwatch.earlywarning.internal.AlertCap;
import org.harmwatch.earlywarning.internal.AlertDraftCheck;
import org.harmwatch.earlywarning.internal.AlertReadRepository;
import org.harmwatch.earlywarning.internal.AlertSettings;
import org.harmwatch.earlywarning.internal.AlertWorkflow;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts: the coordinator drafts one from a graded signal (or, on the urgent path, from a
 * validated one), named approvers sign it off, and the last sign-off issues it with a
 * reference and a version and publishes {@link AlertIssued}. Updates and cancellations go
 * the same way. Also renders an issued alert as CAP 1.2, validated against the OASIS
 * schema and CAP's own rules before anything is returned.
 *
 * <p>
 * The rules (what may be drafted from which signal, four eyes, states) are the
 * {@code Alert} aggregate's: nothing circulates before grading, except on the urgent
 * path, where every message but a cancellation needs two named approvers other than its
 * drafter. A graded signal's alerts need one approver other than the drafter. A
 * cancellation needs one approver. The panel's outcome limits who an alert may reach
 * ({@link PanelOutcome#audiences()}); "monitor" allows none.
 */
@Service
public class AlertManagement {

	/** Alerts per page. */
	public static final int PAGE_SIZE = AlertReadRepository.PAGE_SIZE;

	/** The longest validity period of one message. */
	public static final Duration LONGEST = AlertDraftCheck.LONGEST;

	static final Pattern REFERENCE = Pattern.compile("HW-\\d{4}-\\d{4,}");

	private final AlertWorkflow workflow;

	private final AlertReadRepository reads;

	private final AlertDraftCheck checks;

	private final AlertSettings settings;

	AlertManagement(AlertWorkflow workflow, AlertReadRepository reads, AlertDraftCheck checks, AlertSettings settings) {
		this.workflow = workflow;
		this.reads = reads;
		this.checks = checks;
		this.settings = settings;
	}

	/** Whether the text is shaped like an alert reference ({@code HW-2026-0007}). */
	public static boolean isReference(@Nullable String text) {
		return text != null && REFERENCE.matcher(text).matches();
	}

	/** The site's public address, for links in feeds, CAP and texts. */
	public String publicUrl() {
		return settings.publicUrl();
	}

	/** What starts an exercise's text message. */
	public static final String SMS_EXERCISE_PREFIX = AlertTexts.EXERCISE;

	/**
	 * The link a text message of an alert for these audiences carries, as long as the
	 * real one will be.
	 */
	public String smsLink(boolean forPublic, boolean exercise) {
		return checks.smsLink(forPublic, exercise);
	}

	/**
	 * How many plain (GSM-7) characters a short text may have to go as one text message
	 * with this link.
	 */
	public int shortTextRoom(String link, boolean exercise) {
		return AlertTexts.room(exercise, false, link, "");
	}

	/**
	 * Who an alert drafted from this signal may reach; empty when no alert may be drafted
	 * from it.
	 */
	public Set<Audience> allowedAudiences(SignalView signal) {
		return Alert.audiencesFor(signal.status(), signal.outcome());
	}

	/**
	 * Who an update of this alert, or an edit of its waiting update, may reach given its
	 * signal as it is now; empty when none.
	 */
	public Set<Audience> updateAudiences(AlertView alert, SignalView signal) {
		return Alert.updateAudiences(alert.urgent(), signal.status(), signal.outcome());
	}

	/**
	 * Whether an alert drafted from this signal would take the urgent path (validated,
	 * not yet graded).
	 */
	public static boolean urgentPath(SignalView signal) {
		return Alert.urgentPath(signal.status());
	}

	/**
	 * The coordinator drafts an alert from a signal. Nothing is saved unless everything
	 * is right.
	 * @throws InputRejectedException naming every problem, also when the signal allows no
	 * alert
	 * @throws NotFoundException when there is no such signal
	 */
	@Transactional
	public UUID draft(UUID signalId, AlertDraft draft, String drafter, Instant now) {
		return workflow.draft(signalId, draft, drafter, now);
	}

	/**
	 * The coordinator drafts an update of an issued alert: the same approvals as a new
	 * alert.
	 * @throws InputRejectedException naming every problem
	 */
	@Transactional
	public UUID update(UUID alertId, AlertDraft draft, String drafter, Instant now) {
		return workflow.update(alertId, draft, drafter, now);
	}

	/**
	 * The coordinator drafts the cancellation of an issued alert, saying why; one
	 * approver issues it.
	 * @throws InputRejectedException when there is no reason or the alert cannot be
	 * cancelled
	 */
	@Transactional
	public UUID cancel(UUID alertId, @Nullable String reason, String drafter, Instant now) {
		return workflow.cancel(alertId, reason, drafter, now);
	}

	/**
	 * A named approver signs off the message waiting on an alert; the sign-off that
	 * completes the approvals issues it (reference, version, {@link AlertIssued}). Who
	 * may approve is {@link EarlyWarningPolicy#mayApprove}'s to say. Each approval is
	 * audited.
	 * @param reachesNobodyConfirmed the approver saw that issuing it would tell nobody
	 * ({@link AlertReach#nobody()}) and issues it anyway
	 * @throws InputRejectedException when nothing waits, the approver drafted it, signed
	 * it already, or may not approve; or when this sign-off would issue an alert or
	 * update that reaches nobody and that was not confirmed (nothing is saved)
	 */
	@Transactional
	public AlertView approve(UUID alertId, HarmwatchUser user, boolean reachesNobodyConfirmed, Instant now) {
		workflow.approve(alertId, user, reachesNobodyConfirmed, now);
		return workflow.view(alertId);
	}

	/**
	 * Who the message waiting on an alert would reach if it were issued now, per audience
	 * and channel, counted by the module that delivers alerts; unknown when nothing
	 * waits.
	 */
	@Transactional(readOnly = true)
	public AlertReach reach(UUID alertId) {
		return workflow.reach(alertId);
	}

	/**
	 * The drafter or a coordinator edits the message waiting on an alert (the first alert
	 * or an update) before anyone signed it off. Audited.
	 * @throws InputRejectedException naming every problem, also when the user may not
	 * edit it or someone signed it off already
	 */
	@Transactional
	public void edit(UUID alertId, AlertDraft draft, HarmwatchUser user, Instant now) {
		workflow.edit(alertId, draft, user, now);
	}

	/**
	 * The drafter or a coordinator withdraws the message waiting on an alert, saying why;
	 * it stays in the history, and a withdrawn first draft withdraws the alert. Audited.
	 * @throws InputRejectedException when nothing waits, there is no reason, or the user
	 * may not withdraw it
	 */
	@Transactional
	public void withdraw(UUID alertId, @Nullable String reason, HarmwatchUser user, Instant now) {
		workflow.withdraw(alertId, reason, user, now);
	}

	/**
	 * An approver returns the message waiting on an alert to its drafter with a reason
	 * instead of signing it off: the sign-offs so far are void. Audited.
	 * @throws InputRejectedException when nothing waits, there is no reason, or the user
	 * may not sign it off
	 */
	@Transactional
	public void sendBack(UUID alertId, @Nullable String reason, HarmwatchUser user, Instant now) {
		workflow.sendBack(alertId, reason, user, now);
	}

	/**
	 * What is wrong with a draft, field by field; empty when it can be saved. Saves
	 * nothing.
	 */
	public List<FieldProblem> check(AlertDraft draft, Set<Audience> allowed, Instant now, boolean update) {
		return checks.check(draft, allowed, now, update);
	}

	/** One alert with its messages. */
	public AlertView alert(UUID id) {
		return workflow.view(id);
	}

	/** An issued alert by its reference. */
	public Optional<AlertView> byReference(String reference) {
		return isReference(reference) ? reads.findByReference(reference) : Optional.empty();
	}

	/**
	 * An alert the public may see: issued, for the public, no exercise (cancelled ones
	 * stay readable); in the demo also an exercise written for the public
	 * ({@code harmwatch.alerts.public-exercises}), which its page marks as one.
	 */
	public Optional<AlertView> publicAlert(String reference) {
		return byReference(reference).filter(a -> a.version() > 0 && (a.isPublic() && !a.exercise()
				|| settings.publicExercises() && a.exercise() && a.current() != null && a.current().forPublic()));
	}

	/** The alerts drafted from a signal, newest first. */
	public List<AlertView> ofSignal(UUID signalId) {
		return reads.ofSignal(signalId);
	}

	/** One page of alerts, optionally in one state, newest first. */
	public AlertView.Page alerts(@Nullable AlertState state, int page, Instant now) {
		return reads.page(state, page, now);
	}

	/**
	 * The public's current alerts: issued, for the public, not expired or cancelled, no
	 * exercise (in the demo, exercises for the public too); newest first.
	 */
	public List<AlertView> currentPublic(Instant now) {
		return reads.currentPublic(now, settings.publicExercises());
	}

	/**
	 * One page of the public archive: public alerts cancelled or expired at {@code now},
	 * newest first (in the demo, exercises for the public too).
	 */
	public AlertView.Page publicArchive(int page, Instant now) {
		return reads.publicArchive(page, now, settings.publicExercises());
	}

	/**
	 * Issued public alerts for feeds, cancelled and expired ones included (a feed tells
	 * readers of those too).
	 */
	public List<AlertView> publicFeed(int limit) {
		return reads.publicFeed(limit);
	}

	/** The CAP identifier of one issued version. */
	public static String capIdentifier(String reference, int version) {
		return AlertCap.identifier(reference, version);
	}

	/**
	 * An issued version of an alert as CAP 1.2 XML, validated against the schema and
	 * CAP's rules.
	 * @throws CapValidator.InvalidCapException if it is not valid: invalid CAP is never
	 * returned
	 */
	public String cap(UUID alertId, int version) {
		return workflow.cap(alertId, version);
	}

	/** The latest issued version as CAP 1.2. */
	public String cap(AlertView alert) {
		return cap(alert.id(), alert.version());
	}

}
