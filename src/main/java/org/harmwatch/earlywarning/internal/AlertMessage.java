package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

	private final AlertLevel level;

	private final List<String> audiences;

	private final List<String> ladCodes;

	private final List<String> substanceCodes;

	private final String headline;

	private final String lookOutFor;

	private final @Nullable String publicAdvice;

	private final @Nullable String professionalAdvice;

	private final @Nullable String note;

	private Instant expiresAt;

	private final Instant reviewAt;

	private final @Nullable String shortText;

	private String smsText;

	private final int approvalsNeeded;

	private final String draftedBy;

	private final Instant draftedAt;

	private @Nullable Instant issuedAt;

	@MappedCollection(idColumn = "message_id")
	private final Set<AlertApproval> approvals;

	@PersistenceCreator
	AlertMessage(UUID id, AlertMessageType messageType, @Nullable Integer version, boolean issued, AlertLevel level,
			List<String> audiences, List<String> ladCodes, List<String> substanceCodes, String headline,
			String lookOutFor, @Nullable String publicAdvice, @Nullable String professionalAdvice,
			@Nullable String note, Instant expiresAt, Instant reviewAt, @Nullable String shortText, String smsText,
			int approvalsNeeded, String draftedBy, Instant draftedAt, @Nullable Instant issuedAt,
			Set<AlertApproval> approvals) {
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
	}

	/** A new message waiting for {@code approvalsNeeded} sign-offs. */
	static AlertMessage draft(AlertMessageType type, AlertContent content, int approvalsNeeded, String drafter,
			Instant now) {
		return new AlertMessage(UUID.randomUUID(), type, null, false, content.level(),
				content.audiences().stream().sorted().map(Enum::name).toList(), content.ladCodes(),
				content.substanceCodes(), content.headline(), content.lookOutFor(), content.publicAdvice(),
				content.professionalAdvice(), content.note(), content.expiresAt(), content.reviewAt(),
				content.shortText(), content.smsText(), approvalsNeeded, drafter, now, null, Set.of());
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

	/** The sign-offs, earliest first. */
	public List<AlertApproval> approvals() {
		return approvals.stream().sorted(Comparator.comparing(AlertApproval::approvedAt)).toList();
	}

}
