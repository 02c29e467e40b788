package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A CSV import running in the background: an uploaded file waiting for its column mapping, then checked row by row
 * and imported all or nothing (see {@link DrugCheckingImports}).
 *
 * @param totalRows data rows in the file (the header not counted)
 * @param rowsDone rows checked (while {@link Status#VALIDATING}) or stored (while {@link Status#IMPORTING})
 * @param problemCount bad rows found; the job failed and imported nothing when there are any
 * @param failure why the job failed when it was not bad rows; nothing was imported then either
 */
public record SampleImportJob(UUID id, UUID sessionId, String filename, long sizeBytes, List<String> header,
		int totalRows, Status status, int rowsDone, @Nullable Integer samples, @Nullable Integer imported,
		@Nullable Integer alreadyImported, int problemCount, @Nullable String failure, Instant uploadedAt,
		@Nullable Instant finishedAt) {

	public SampleImportJob {
		header = List.copyOf(header);
	}

	/** Where a job is. */
	public enum Status {

		/** Uploaded; waiting for the column mapping. */
		UPLOADED,
		/** Mapped and waiting for a worker. */
		QUEUED,
		/** Checking each row; nothing stored yet. */
		VALIDATING,
		/** Every row is good; storing the samples in one transaction. */
		IMPORTING,
		/** Imported. */
		DONE,
		/** Nothing imported: bad rows, or the import stopped. */
		FAILED;

		public boolean finished() {
			return this == DONE || this == FAILED;
		}

	}

	public boolean finished() {
		return status.finished();
	}

}
