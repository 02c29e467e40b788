package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signal as the coordinator works it: how sure we are, whether it waits for a
 * laboratory, who owns it, and notes.
 *
 * @param signalId the signal
 * @param status suspected, probable or confirmed by laboratory
 * @param owner the username of the coordinator who owns it; {@code null} when nobody does
 * @param awaitingLaboratorySince since when it waits for a laboratory result;
 * {@code null} when it does not
 * @param confirmedAt when it was confirmed
 * @param confirmedBy who or what confirmed it (a coordinator, or the laboratory result)
 * @param alertToUpdate whether it was confirmed after its latest alert was issued, so
 * that the alert is to be updated to say so
 * @param notes the coordinators' notes, oldest first
 */
public record SignalCase(UUID signalId, CaseStatus status, @Nullable String owner,
		@Nullable Instant awaitingLaboratorySince, @Nullable Instant confirmedAt, @Nullable String confirmedBy,
		boolean alertToUpdate, List<Note> notes) {

	public SignalCase {
		notes = List.copyOf(notes);
	}

	/** Whether it waits for a laboratory result. */
	public boolean awaitingLaboratory() {
		return awaitingLaboratorySince != null;
	}

	/**
	 * A note on a case.
	 *
	 * @param author who wrote it ({@code laboratory} for one the system wrote when a
	 * result came back)
	 * @param writtenAt when
	 * @param body what it says
	 */
	public record Note(String author, Instant writtenAt, String body) {
	}

}
