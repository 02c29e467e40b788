package org.harmwatch.earlywarning.web;

import org.harmwatch.earlywarning.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's work on a signal's case: how sure we are, who owns it ({@code me},
 * {@code nobody}, or anything else to keep the current owner), whether it waits for a
 * laboratory (a ticked box), and a note.
 */
record CaseForm(String caseStatus, String owner, String awaitingLaboratory, String note) {

	CaseForm(@Nullable String caseStatus, @Nullable String owner, @Nullable String awaitingLaboratory,
			@Nullable String note) {
		this.caseStatus = caseStatus == null ? "" : caseStatus;
		this.owner = owner == null ? "" : owner;
		this.awaitingLaboratory = awaitingLaboratory == null ? "" : awaitingLaboratory;
		this.note = note == null ? "" : note;
	}

	/**
	 * The form as a case stands: its status and laboratory wait, no owner change or note.
	 */
	static CaseForm of(CaseStatus status, boolean awaitingLaboratory) {
		return new CaseForm(status.name(), "", awaitingLaboratory ? "true" : "", "");
	}

	/** The status chosen, or {@code null} when it is none of them. */
	@Nullable CaseStatus status() {
		for (var status : CaseStatus.values()) {
			if (status.name().equals(caseStatus)) {
				return status;
			}
		}
		return null;
	}

	/** Whether the "waiting for a laboratory result" box is ticked. */
	boolean waitsForLaboratory() {
		return "true".equalsIgnoreCase(awaitingLaboratory) || "on".equalsIgnoreCase(awaitingLaboratory);
	}

	/** The owner the form asks for: the user, nobody, or whoever owned it before. */
	@Nullable String ownerFor(String me, @Nullable String current) {
		return switch (owner) {
			case "me" -> me;
			case "nobody" -> null;
			default -> current;
		};
	}

}
