package org.harmwatch.platform.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import: an uploaded file waiting for its column mapping, then checked row by row and
 * stored all or nothing.
 *
 * @param agencyCode the uploader's agency, whose people with the kind's grant see the job
 * @param scope what the kind imports into, e.g. a session id
 * @param totalRows data rows in the file (the header not counted)
 * @param rowsDone rows checked (while {@link Status#VALIDATING}) or stored (while
 * {@link Status#IMPORTING})
 * @param outcome what was stored, once {@link Status#DONE} (records counted when bad rows
 * stopped it)
 * @param problemCount bad rows found; the job failed and stored nothing when there are
 * any
 * @param failure why the job failed when it was not bad rows, in words for the reader
 * (resolved from {@code failureCode}); nothing was stored then either
 * @param checkFirst whether the job stops at {@link Status#CHECKED} to show what it would
 * change, and stores only once confirmed ({@link Imports#checkFirst})
 * @param failureCode the message code of {@code failure}
 * @param failureArguments what the failure's message shows
 * @param rowsStored rows stored so far while {@link Status#VALIDATING} by a kind that
 * {@linkplain ImportKind#storesWhileChecking() stores while checking} (kept only if every
 * row is good; 0 once the job failed)
 */
public record ImportJob(UUID id, String kind, String agencyCode, @Nullable String scope, String uploadedBy,
		String filename, long sizeBytes, List<String> header, int totalRows, Status status, int rowsDone,
		@Nullable ImportOutcome outcome, int problemCount, @Nullable String failure, Instant uploadedAt,
		@Nullable Instant finishedAt, boolean checkFirst, @Nullable String failureCode, List<String> failureArguments,
		int rowsStored) {

	public ImportJob {
		header = List.copyOf(header);
		failureArguments = List.copyOf(failureArguments);
	}

	/**
	 * Whether the job page shows rows stored while the rows are still being checked (a
	 * kind that {@linkplain ImportKind#storesWhileChecking() stores while checking}).
	 */
	public boolean storingWhileChecking() {
		return status == Status.VALIDATING && rowsStored > 0;
	}

	/** Where a job is. */
	public enum Status {

		/** Uploaded; waiting for the column mapping. */
		UPLOADED,
		/** Mapped and waiting for a worker. */
		QUEUED,
		/**
		 * Checking each row; nothing stored yet (a kind that
		 * {@linkplain ImportKind#storesWhileChecking() stores while checking} has the
		 * rows checked so far stored in the job's open transaction, rolled back if a row
		 * turns out bad).
		 */
		VALIDATING,
		/**
		 * Checked first: every row is good, and what storing would change is shown;
		 * waiting for the person to confirm. Nothing stored yet.
		 */
		CHECKED,
		/** Every row is good; storing the records in one transaction. */
		IMPORTING,
		/** Imported. */
		DONE,
		/** Nothing imported: bad rows, or the import stopped. */
		FAILED;

		public boolean finished() {
			return this == DONE || this == FAILED;
		}

		/** Whether the job waits for a person (a mapping, or a confirmation). */
		public boolean waiting() {
			return this == UPLOADED || this == CHECKED;
		}

	}

	public boolean finished() {
		return status.finished();
	}

	/** Whether the job waits for a person (a mapping, or a confirmation). */
	public boolean waiting() {
		return status.waiting();
	}

}
