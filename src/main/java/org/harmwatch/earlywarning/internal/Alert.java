package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An alert and its messages (the alert, its updates, its cancellation), holding the rules
 * of its life: what may be drafted from which signal, the four-eyes sign-off, and the
 * states it moves through.
 *
 * <p>
 * Nothing circulates before grading, except on the urgent path (a validated signal),
 * where every message but a cancellation needs two named approvers. A graded signal's
 * messages need one approver, a cancellation one. Nobody signs off a message they
 * drafted, nor the same message twice, and only a panel member or the coordinator
 * ({@link EarlyWarningPolicy#mayApprove}) signs off at all. At most one message waits at
 * a time; only an issued alert that is not cancelled can be changed. States:
 * {@code DRAFT} → ({@code AWAITING_APPROVAL} after the first of two sign-offs) →
 * {@code ISSUED} → {@code CANCELLED}; an update keeps it {@code ISSUED}.
 *
 * <p>
 * A waiting message is not stuck: its drafter or a coordinator may edit it until anyone
 * signs it off (and then may not sign it off either), or withdraw it with a reason (a
 * withdrawn first draft makes the alert {@code WITHDRAWN}; the message stays in the
 * history); an approver who may sign it off may instead return it to its drafter with a
 * reason, which voids the sign-offs so far (the alert goes back to {@code DRAFT}).
 */
@Table(schema = "earlywarning", name = "alert")
public class Alert {

	/** Why the alert refuses an action; each names the field it is about. */
	public enum Refusal {

		MONITOR_OUTCOME("signal"), SIGNAL_NOT_READY("signal"), NO_FURTHER_ALERT("signal"), NOT_ISSUED("alert"),
		CHANGE_PENDING("alert"), NO_REASON("note"), REASON_TOO_LONG("note"), NOTHING_PENDING("alert"),
		NOT_AN_APPROVER("alert"), OWN_DRAFT("alert"), ALREADY_APPROVED("alert"), DRAFT_EXPIRED("expiresAt"),
		NOT_THE_AUTHOR("alert"), SIGNED_OFF_ALREADY("alert"), CANCELLATION_NOT_EDITABLE("alert"),
		NO_DECISION_REASON("note");

		private final String field;

		Refusal(String field) {
			this.field = field;
		}

		/** The field the refusal is shown at. */
		public String field() {
			return field;
		}

		/** Its message code, e.g. {@code alerts.refusal.OWN_DRAFT}. */
		public String code() {
			return "alerts.refusal." + name();
		}

		/** The refusal as a problem with the input. */
		public FieldProblem problem() {
			return FieldProblem.of(field, code());
		}

	}

	/** An action the alert refused; nothing changed. */
	public static class Refused extends InputRejectedException {

		private final Refusal refusal;

		Refused(Refusal refusal) {
			super(refusal.problem());
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	/** The longest reason for a cancellation, withdrawal or return. */
	static final int MAX_REASON = 1000;

	@Id
	private final UUID id;

	private @Nullable String reference;

	private final UUID signalId;

	private final boolean urgent;

	private final boolean exercise;

	private AlertState state;

	/** The latest issued version; 0 before the first issue. */
	@Column("version")
	private int issuedVersion;

	private AlertLevel level;

	private String headline;

	@Column("public")
	private boolean isPublic;

	private Instant expiresAt;

	private @Nullable Instant issuedAt;

	private final String createdBy;

	private final Instant createdAt;

	@MappedCollection(idColumn = "alert_id")
	private final Set<AlertMessage> messages;

	@Version
	private @Nullable Integer lockVersion;

	@PersistenceCreator
	Alert(UUID id, @Nullable String reference, UUID signalId, boolean urgent, boolean exercise, AlertState state,
			int issuedVersion, AlertLevel level, String headline, boolean isPublic, Instant expiresAt,
			@Nullable Instant issuedAt, String createdBy, Instant createdAt, Set<AlertMessage> messages,
			@Nullable Integer lockVersion) {
		this.id = id;
		this.reference = reference;
		this.signalId = signalId;
		this.urgent = urgent;
		this.exercise = exercise;
		this.state = state;
		this.issuedVersion = issuedVersion;
		this.level = level;
		this.headline = headline;
		this.isPublic = isPublic;
		this.expiresAt = expiresAt;
		this.issuedAt = issuedAt;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.messages = new HashSet<>(messages);
		this.lockVersion = lockVersion;
	}

	/**
	 * Who an alert drafted from a signal with this status and outcome may reach; empty
	 * when none may be drafted.
	 */
	public static Set<Audience> audiencesFor(SignalStatus status, @Nullable PanelOutcome outcome) {
		return switch (status) {
			case GRADED -> outcome == null ? Set.of() : outcome.audiences();
			case VALIDATED -> EnumSet.allOf(Audience.class);
			default -> Set.of();
		};
	}

	/**
	 * Whether an alert drafted from a signal with this status takes the urgent path
	 * (validated, not yet graded).
	 */
	public static boolean urgentPath(SignalStatus status) {
		return status == SignalStatus.VALIDATED;
	}

	/**
	 * Who a new alert on this signal may reach.
	 * @throws Refused when the signal allows no alert
	 */
	public static Set<Audience> requireDraftable(SignalStatus status, @Nullable PanelOutcome outcome) {
		var allowed = audiencesFor(status, outcome);
		if (allowed.isEmpty()) {
			throw new Refused(status == SignalStatus.GRADED ? Refusal.MONITOR_OUTCOME : Refusal.SIGNAL_NOT_READY);
		}
		return allowed;
	}

	/**
	 * A new alert on a signal, its first message waiting for sign-off (two on the urgent
	 * path).
	 * @throws Refused when the signal allows no alert
	 */
	static Alert draft(UUID signalId, SignalStatus status, @Nullable PanelOutcome outcome, boolean exercise,
			AlertContent content, String drafter, Instant now) {
		requireDraftable(status, outcome);
		boolean urgent = urgentPath(status);
		var alert = new Alert(UUID.randomUUID(), null, signalId, urgent, exercise, AlertState.DRAFT, 0, content.level(),
				content.headline(), false, content.expiresAt(), null, drafter, now, Set.of(), null);
		alert.messages.add(AlertMessage.draft(AlertMessageType.ALERT, content, urgent ? 2 : 1, drafter, now));
		return alert;
	}

	/**
	 * Who an update may reach, given the signal as it is now: a graded signal's outcome;
	 * on the urgent path, while the signal is still validated, anyone.
	 * @throws Refused when the alert cannot be changed or the signal allows no further
	 * alert
	 */
	public Set<Audience> requireUpdatable(SignalStatus status, @Nullable PanelOutcome outcome) {
		requireChangeable();
		var allowed = updateAudiences(urgent, status, outcome);
		if (allowed.isEmpty()) {
			throw new Refused(Refusal.NO_FURTHER_ALERT);
		}
		return allowed;
	}

	/**
	 * Who an update may reach given the signal as it is now: a graded signal's outcome;
	 * on the urgent path, while the signal is still validated, anyone; else no one.
	 */
	public static Set<Audience> updateAudiences(boolean urgent, SignalStatus status, @Nullable PanelOutcome outcome) {
		return status == SignalStatus.GRADED ? audiencesFor(status, outcome)
				: urgent && status == SignalStatus.VALIDATED ? EnumSet.allOf(Audience.class) : Set.<Audience>of();
	}

	/**
	 * Who the waiting message may reach if edited now, given the signal as it is now: as
	 * for a new alert before the first issue, as for an update after it.
	 * @throws Refused when the signal allows none
	 */
	public Set<Audience> requireEditable(SignalStatus status, @Nullable PanelOutcome outcome) {
		if (issuedVersion == 0) {
			return requireDraftable(status, outcome);
		}
		var allowed = updateAudiences(urgent, status, outcome);
		if (allowed.isEmpty()) {
			throw new Refused(Refusal.NO_FURTHER_ALERT);
		}
		return allowed;
	}

	/**
	 * Drafts an update; it needs two sign-offs while the signal is not graded, else one.
	 * @return the new message
	 * @throws Refused when the alert cannot be changed or the signal allows no further
	 * alert
	 */
	UUID draftUpdate(SignalStatus status, @Nullable PanelOutcome outcome, AlertContent content, String drafter,
			Instant now) {
		requireUpdatable(status, outcome);
		var message = AlertMessage.draft(AlertMessageType.UPDATE, content, status != SignalStatus.GRADED ? 2 : 1,
				drafter, now);
		messages.add(message);
		return message.id();
	}

	/**
	 * The reason for a cancellation, stripped.
	 * @throws Refused when the alert cannot be changed, or the reason is missing or too
	 * long
	 */
	public String requireCancellable(@Nullable String reason) {
		requireChangeable();
		return requireReason(reason);
	}

	/**
	 * Drafts the cancellation (the current message's content with the reason as note);
	 * one sign-off issues it.
	 * @return the new message
	 * @throws Refused when the alert cannot be changed, or the reason is missing or too
	 * long
	 */
	UUID draftCancellation(@Nullable String reason, AlertContent content, String drafter, Instant now) {
		requireCancellable(reason);
		var message = AlertMessage.draft(AlertMessageType.CANCEL, content, 1, drafter, now);
		messages.add(message);
		return message.id();
	}

	private void requireChangeable() {
		if (issuedVersion == 0 || state == AlertState.CANCELLED || state == AlertState.WITHDRAWN) {
			throw new Refused(Refusal.NOT_ISSUED);
		}
		if (pending() != null) {
			throw new Refused(Refusal.CHANGE_PENDING);
		}
	}

	/**
	 * The user signs off the message waiting on this alert.
	 * @return whether that completed its sign-offs, so that it is to be issued now
	 * @throws Refused when nothing waits, the user may not approve, drafted it, has
	 * signed it already, or (but for a cancellation) it expired before this sign-off
	 */
	boolean approve(HarmwatchUser user, Instant now) {
		var pending = pending();
		if (pending == null) {
			throw new Refused(Refusal.NOTHING_PENDING);
		}
		if (!EarlyWarningPolicy.mayApprove(user)) {
			throw new Refused(Refusal.NOT_AN_APPROVER);
		}
		var approver = user.getUsername();
		if (pending.writtenBy(approver)) {
			throw new Refused(Refusal.OWN_DRAFT);
		}
		if (pending.approvedBy(approver)) {
			throw new Refused(Refusal.ALREADY_APPROVED);
		}
		if (pending.messageType() != AlertMessageType.CANCEL && !pending.expiresAt().isAfter(now)) {
			throw new Refused(Refusal.DRAFT_EXPIRED);
		}
		pending.approve(approver, user.displayName(), now);
		if (pending.fullyApproved()) {
			return true;
		}
		if (issuedVersion == 0) {
			state = AlertState.AWAITING_APPROVAL;
		}
		return false;
	}

	/**
	 * The drafter or a coordinator edits the waiting alert or update before anyone signed
	 * it off; the alert takes its level, headline and expiry until it is first issued.
	 * @throws Refused when nothing waits, the user neither wrote it nor coordinates, it
	 * is a cancellation, or someone signed it off already
	 */
	void edit(HarmwatchUser user, AlertContent content) {
		var pending = requireAuthor(user);
		if (pending.messageType() == AlertMessageType.CANCEL) {
			throw new Refused(Refusal.CANCELLATION_NOT_EDITABLE);
		}
		if (!pending.approvals().isEmpty()) {
			throw new Refused(Refusal.SIGNED_OFF_ALREADY);
		}
		pending.revise(content, user.getUsername());
		if (issuedVersion == 0) {
			level = content.level();
			headline = content.headline();
			expiresAt = content.expiresAt();
		}
	}

	/**
	 * The drafter or a coordinator withdraws the waiting message, saying why: it is never
	 * issued but stays in the history; a first draft withdraws the alert.
	 * @return the reason, stripped
	 * @throws Refused when nothing waits, the user neither wrote it nor coordinates, or
	 * the reason is missing or too long
	 */
	String withdraw(HarmwatchUser user, @Nullable String reason, Instant now) {
		var pending = requireAuthor(user);
		var why = requireReason(reason, Refusal.NO_DECISION_REASON);
		pending.withdraw(user.getUsername(), why, now);
		if (issuedVersion == 0) {
			state = AlertState.WITHDRAWN;
		}
		return why;
	}

	/**
	 * An approver returns the waiting message to its drafter, saying why, instead of
	 * signing it off: sign-offs so far are void and a first draft is a draft again.
	 * @return the reason, stripped
	 * @throws Refused when nothing waits, the user may not approve, wrote it, signed it
	 * already, or the reason is missing or too long
	 */
	String sendBack(HarmwatchUser user, @Nullable String reason, Instant now) {
		var pending = pending();
		if (pending == null) {
			throw new Refused(Refusal.NOTHING_PENDING);
		}
		if (!EarlyWarningPolicy.mayApprove(user)) {
			throw new Refused(Refusal.NOT_AN_APPROVER);
		}
		if (pending.writtenBy(user.getUsername())) {
			throw new Refused(Refusal.OWN_DRAFT);
		}
		if (pending.approvedBy(user.getUsername())) {
			throw new Refused(Refusal.ALREADY_APPROVED);
		}
		var why = requireReason(reason, Refusal.NO_DECISION_REASON);
		pending.sendBack(user.displayName(), why, now);
		if (issuedVersion == 0) {
			state = AlertState.DRAFT;
		}
		return why;
	}

	private AlertMessage requireAuthor(HarmwatchUser user) {
		var pending = pending();
		if (pending == null) {
			throw new Refused(Refusal.NOTHING_PENDING);
		}
		if (!pending.draftedBy().equals(user.getUsername()) && !EarlyWarningPolicy.mayCoordinate(user)) {
			throw new Refused(Refusal.NOT_THE_AUTHOR);
		}
		return pending;
	}

	private static String requireReason(@Nullable String reason) {
		return requireReason(reason, Refusal.NO_REASON);
	}

	private static String requireReason(@Nullable String reason, Refusal missing) {
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new Refused(missing);
		}
		if (why.length() > MAX_REASON) {
			throw new Refused(Refusal.REASON_TOO_LONG);
		}
		return why;
	}

	/**
	 * Issues the fully signed-off message as the next version under {@code reference}
	 * (kept once given): the alert takes its level, headline and expiry, and is cancelled
	 * by a cancellation.
	 * @return the issued message
	 */
	AlertMessage issue(String reference, String smsText, Instant now) {
		var message = pending();
		if (message == null || !message.fullyApproved()) {
			throw new IllegalStateException("alert " + id + " has no fully signed-off message to issue");
		}
		if (this.reference == null) {
			this.reference = reference;
		}
		issuedVersion++;
		message.issue(issuedVersion, smsText, now);
		state = message.messageType() == AlertMessageType.CANCEL ? AlertState.CANCELLED : AlertState.ISSUED;
		level = message.level();
		headline = message.headline();
		isPublic = message.forPublic() && !exercise;
		expiresAt = message.expiresAt();
		issuedAt = message.issuedAt();
		return message;
	}

	/** The message waiting for sign-off, if any. */
	public @Nullable AlertMessage pending() {
		return messages.stream().filter(AlertMessage::waiting).findFirst().orElse(null);
	}

	/** The latest issued message, if any. */
	public @Nullable AlertMessage current() {
		return messages.stream()
			.filter(AlertMessage::issued)
			.max(Comparator.comparing(m -> m.version() == null ? 0 : m.version()))
			.orElse(null);
	}

	/** Every message, in the order they were drafted. */
	public List<AlertMessage> messages() {
		return messages.stream().sorted(Comparator.comparing(AlertMessage::draftedAt)).toList();
	}

	public UUID id() {
		return id;
	}

	public @Nullable String reference() {
		return reference;
	}

	public UUID signalId() {
		return signalId;
	}

	public boolean urgent() {
		return urgent;
	}

	public boolean exercise() {
		return exercise;
	}

	public AlertState state() {
		return state;
	}

	/** The latest issued version; 0 before the first issue. */
	public int issuedVersion() {
		return issuedVersion;
	}

	public AlertLevel level() {
		return level;
	}

	public String headline() {
		return headline;
	}

	public boolean isPublic() {
		return isPublic;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public @Nullable Instant issuedAt() {
		return issuedAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
