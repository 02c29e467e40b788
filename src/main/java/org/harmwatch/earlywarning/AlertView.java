package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An alert with its messages: the issued versions, newest first, and the one waiting for
 * approval, if any.
 *
 * @param id the alert
 * @param reference its reference once issued, e.g. {@code HW-2026-0007}
 * @param signalId the signal it was drafted from
 * @param urgent drafted before grading (the urgent path: two named approvers)
 * @param exercise an exercise: never public
 * @param state where it stands
 * @param level the level of its latest message
 * @param headline the headline of its latest message
 * @param version its latest issued version, 0 before the first issue
 * @param isPublic its latest issued message reached the public
 * @param expiresAt when its latest message stops being current
 * @param issuedAt when its latest message was issued
 * @param createdBy who drafted it
 * @param createdAt when
 * @param messages its messages, the pending one first, then the issued ones newest first
 * (empty in lists)
 */
public record AlertView(UUID id, @Nullable String reference, UUID signalId, boolean urgent, boolean exercise,
		AlertState state, AlertLevel level, String headline, int version, boolean isPublic, Instant expiresAt,
		@Nullable Instant issuedAt, String createdBy, Instant createdAt, List<Message> messages) {

	public AlertView {
		messages = List.copyOf(messages);
	}

	/** The message waiting for approval, if any. */
	public @Nullable Message pending() {
		return messages.stream().filter(m -> !m.issued() && !m.withdrawn()).findFirst().orElse(null);
	}

	/** The messages withdrawn before they were issued, newest first. */
	public List<Message> withdrawnMessages() {
		return messages.stream().filter(Message::withdrawn).toList();
	}

	/** The latest issued message, if any. */
	public @Nullable Message current() {
		return messages.stream().filter(Message::issued).findFirst().orElse(null);
	}

	/** The issued messages, newest first. */
	public List<Message> issuedMessages() {
		return messages.stream().filter(Message::issued).toList();
	}

	/**
	 * One message: the alert, an update or the cancellation.
	 *
	 * @param id the message
	 * @param messageType alert, update or cancellation
	 * @param version its version once issued
	 * @param issued whether it was issued
	 * @param level how serious
	 * @param audiences who it is for
	 * @param areas the affected districts
	 * @param substances the substances involved
	 * @param headline one line
	 * @param lookOutFor what to look out for
	 * @param publicAdvice advice for the public, naloxone advice included where it
	 * applies
	 * @param professionalAdvice advice for professionals, naloxone advice included where
	 * it applies
	 * @param note why an update or cancellation is issued
	 * @param expiresAt when it stops being current
	 * @param reviewAt when it is to be reviewed
	 * @param shortText the coordinator's short text for SMS, if written
	 * @param smsText its SMS text
	 * @param draftedBy who drafted it
	 * @param draftedAt when
	 * @param issuedAt when it was issued
	 * @param approvals its named sign-offs
	 * @param approvalsNeeded how many sign-offs issue it
	 * @param withdrawnBy who withdrew it before it was issued, if anyone did
	 * @param withdrawnAt when
	 * @param withdrawnReason why
	 * @param returnedBy the name of the approver who last returned it to its drafter
	 * @param returnedAt when
	 * @param returnedReason why
	 */
	public record Message(UUID id, AlertMessageType messageType, @Nullable Integer version, boolean issued,
			AlertLevel level, Set<Audience> audiences, List<Area> areas, List<Substance> substances, String headline,
			String lookOutFor, @Nullable String publicAdvice, @Nullable String professionalAdvice,
			@Nullable String note, Instant expiresAt, Instant reviewAt, @Nullable String shortText, String smsText,
			String draftedBy, Instant draftedAt, @Nullable Instant issuedAt, List<Approval> approvals,
			int approvalsNeeded, @Nullable String withdrawnBy, @Nullable Instant withdrawnAt,
			@Nullable String withdrawnReason, @Nullable String returnedBy, @Nullable Instant returnedAt,
			@Nullable String returnedReason) {

		public Message {
			audiences = Set.copyOf(audiences);
			areas = List.copyOf(areas);
			substances = List.copyOf(substances);
			approvals = List.copyOf(approvals);
		}

		public boolean forPublic() {
			return audiences.contains(Audience.PUBLIC);
		}

		public boolean forProfessionals() {
			return audiences.contains(Audience.PROFESSIONALS);
		}

		/** Whether it was withdrawn before it was issued. */
		public boolean withdrawn() {
			return withdrawnAt != null;
		}

	}

	/** An affected district. */
	public record Area(String code, String name) {
	}

	/** A substance named in an alert. */
	public record Substance(String code, String name, String substanceClass) {
	}

	/** A named sign-off. */
	public record Approval(String approver, String approverName, Instant approvedAt) {
	}

	/** One page of alerts, newest first. */
	public record Page(List<AlertView> alerts, int page, int pages, long total) {
	}

}
