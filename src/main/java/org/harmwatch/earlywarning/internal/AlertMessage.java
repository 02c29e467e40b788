package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.Audience;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One message of an {@link Alert}: the alert itself, an update or the cancellation.
 * Drafted, signed off, then issued with the next version; an issued message never
 * changes.
 */
@Table(schema = "earlywarning", name = "alert_message")
public class AlertMessage {

	@Id
	private final UUID id;

	private final AlertMessageType messageType;

	private @Nullable Integer version;

	private boolean issued;

	private AlertLevel level;

	private List<String> audiences;

	private List<String> ladCodes;

	private List<String> substanceCodes;

	private String headline;

	private String lookOutFor;

	private @Nullable String publicAdvice;

	private @Nullable String professionalAdvice;

	private @Nullable String note;

	private Instant expiresAt;

	private Instant reviewAt;

	private @Nullable String shortText;

	private String smsText;

	private final int approvalsNeeded;

	private final String draftedBy;

	private final Instant draftedAt;

	/** Who else edited it while it waited; none of them may sign it off. */
	private final List<String> editedBy;

	private @Nullable String withdrawnBy;

	private @Nullable Instant withdrawnAt;

	private @Nullable String withdrawnReason;

	private @Nullable String returnedBy;

	private @Nullable Instant returnedAt;

	private @Nullable String returnedReason;

	private @Nullable Instant issuedAt;

	@MappedCollection(idColumn = "message_id")
	private final Set<AlertApproval> approvals;

	@PersistenceCreator
	AlertMessage(UUID id, AlertMessageType messageType, @Nullable Integer version, boolean issued, AlertLevel level,
			List<String> audiences, List<String> ladCodes, List<String> substanceCodes, String headline,
			String lookOutFor, @Nullable String publicAdvice, @Nullable String professionalAdvice,
			@Nullable String note, Instant expiresAt, Instant reviewAt, @Nullable String shortText, String smsText,
			int approvalsNeeded, String draftedBy, Instant draftedAt, @Nullable Instant issuedAt,
			Set<AlertApproval> approvals, List<String> editedBy, @Nullable String withdrawnBy,
			@Nullable Instant withdrawnAt, @Nullable String withdrawnReason, @Nullable String returnedBy,
			@Nullable Instant returnedAt, @Nullable String returnedReason) {
		this.id = id;
		this.messageType = messageType;
		this.version = version;
		this.issued = issued;
		this.level = level;
		this.audiences = List.copyOf(audiences);
		this.ladCodes = List.copyOf(ladCodes);
		this.substanceCodes = List.copyOf(substanceCodes);
		this.headline = headline;
		this.lookOutFor = lookOutFor;
		this.publicAdvice = publicAdvice;
		this.professionalAdvice = professionalAdvice;
		this.note = note;
		this.expiresAt = expiresAt;
		this.reviewAt = reviewAt;
		this.shortText = shortText;
		this.smsText = smsText;
		this.approvalsNeeded = approvalsNeeded;
		this.draftedBy = draftedBy;
		this.draftedAt = draftedAt;
		this.issuedAt = issuedAt;
		this.approvals = new HashSet<>(approvals);
		this.editedBy = new ArrayList<>(editedBy);
		this.withdrawnBy = withdrawnBy;
		this.withdrawnAt = withdrawnAt;
		this.withdrawnReason = withdrawnReason;
		this.returnedBy = returnedBy;
		this.returnedAt = returnedAt;
		this.returnedReason = returnedReason;
	}

	/** A new message waiting for {@code approvalsNeeded} sign-offs. */
	static AlertMessage draft(AlertMessageType type, AlertContent content, int approvalsNeeded, String drafter,
			Instant now) {
		return new AlertMessage(UUID.randomUUID(), type, null, false, content.level(),
				content.audiences().stream().sorted().map(Enum::name).toList(), content.ladCodes(),
				content.substanceCodes(), content.headline(), content.lookOutFor(), content.publicAdvice(),
				content.professionalAdvice(), content.note(), content.expiresAt(), content.reviewAt(),
				content.shortText(), content.smsText(), approvalsNeeded, drafter, now, null, Set.of(), List.of(), null,
				null, null, null, null, null);
	}

	/**
	 * Replaces the content (type, sign-offs needed and drafter stay); an editor other
	 * than the drafter is remembered so that they cannot sign it off.
	 */
	void revise(AlertContent content, String editor) {
		level = content.level();
		audiences = content.audiences().stream().sorted().map(Enum::name).toList();
		ladCodes = List.copyOf(content.ladCodes());
		substanceCodes = List.copyOf(content.substanceCodes());
		headline = content.headline();
		lookOutFor = content.lookOutFor();
		publicAdvice = content.publicAdvice();
		professionalAdvice = content.professionalAdvice();
		note = content.note();
		expiresAt = content.expiresAt();
		reviewAt = content.reviewAt();
		shortText = content.shortText();
		smsText = content.smsText();
		if (!editor.equals(draftedBy) && !editedBy.contains(editor)) {
			editedBy.add(editor);
		}
	}

	/** Withdraws it: it waits no more and is never issued, but stays in the history. */
	void withdraw(String by, String reason, Instant now) {
		withdrawnBy = by;
		withdrawnAt = now;
		withdrawnReason = reason;
	}

	/**
	 * Returns it to its drafter with a reason: its sign-offs are void, it waits to be
	 * edited and signed off again.
	 */
	void sendBack(String approverName, String reason, Instant now) {
		approvals.clear();
		returnedBy = approverName;
		returnedAt = now;
		returnedReason = reason;
	}

	/** Whether the user wrote it or edited it while it waited. */
	boolean writtenBy(String username) {
		return draftedBy.equals(username) || editedBy.contains(username);
	}

	/** Whether it waits for sign-off: neither issued nor withdrawn. */
	public boolean waiting() {
		return !issued && withdrawnAt == null;
	}

	void approve(String approver, String approverName, Instant now) {
		approvals.add(new AlertApproval(approver, approverName, now));
	}

	boolean approvedBy(String approver) {
		return approvals.stream().anyMatch(a -> a.approver().equals(approver));
	}

	boolean fullyApproved() {
		return approvals.size() >= approvalsNeeded;
	}

	/**
	 * Issues the message as {@code version}; a cancellation stays current for a week from
	 * now.
	 */
	void issue(int version, String smsText, Instant now) {
		var at = now.truncatedTo(ChronoUnit.SECONDS);
		this.version = version;
		this.issued = true;
		this.issuedAt = at;
		this.smsText = smsText;
		if (messageType == AlertMessageType.CANCEL) {
			this.expiresAt = at.plus(Duration.ofDays(7));
		}
	}

	public UUID id() {
		return id;
	}

	public AlertMessageType messageType() {
		return messageType;
	}

	public @Nullable Integer version() {
		return version;
	}

	public boolean issued() {
		return issued;
	}

	public AlertLevel level() {
		return level;
	}

	public Set<Audience> audiences() {
		var set = EnumSet.noneOf(Audience.class);
		audiences.forEach(a -> set.add(Audience.valueOf(a)));
		return set;
	}

	public boolean forPublic() {
		return audiences.contains(Audience.PUBLIC.name());
	}

	public List<String> ladCodes() {
		return ladCodes;
	}

	public List<String> substanceCodes() {
		return substanceCodes;
	}

	public String headline() {
		return headline;
	}

	public String lookOutFor() {
		return lookOutFor;
	}

	public @Nullable String publicAdvice() {
		return publicAdvice;
	}

	public @Nullable String professionalAdvice() {
		return professionalAdvice;
	}

	public @Nullable String note() {
		return note;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Instant reviewAt() {
		return reviewAt;
	}

	/** The coordinator's short text for SMS, if they wrote one. */
	public @Nullable String shortText() {
		return shortText;
	}

	public String smsText() {
		return smsText;
	}

	public int approvalsNeeded() {
		return approvalsNeeded;
	}

	public String draftedBy() {
		return draftedBy;
	}

	public Instant draftedAt() {
		return draftedAt;
	}

	public @Nullable Instant issuedAt() {
		return issuedAt;
	}

	/** Who else edited it while it waited. */
	public List<String> editedBy() {
		return List.copyOf(editedBy);
	}

	public @Nullable String withdrawnBy() {
		return withdrawnBy;
	}

	public @Nullable Instant withdrawnAt() {
		return withdrawnAt;
	}

	public @Nullable String withdrawnReason() {
		return withdrawnReason;
	}

	/** The name of the approver who last returned it, if one did. */
	public @Nullable String returnedBy() {
		return returnedBy;
	}

	public @Nullable Instant returnedAt() {
		return returnedAt;
	}

	public @Nullable String returnedReason() {
		return returnedReason;
	}

	/** The sign-offs, earliest first. */
	public List<AlertApproval> approvals() {
		return approvals.stream().sorted(Comparator.comparing(AlertApproval::approvedAt)).toList();
	}

}
