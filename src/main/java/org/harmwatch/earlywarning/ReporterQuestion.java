package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A question the coordinator asked about one report in a signal, of the agency that sent
 * it, and that agency's answer once given. Staff are reached through their agency; a
 * member of the public who reported anonymously cannot be asked.
 *
 * @param id the question
 * @param signalId the signal the report is in (the survivor once signals are merged)
 * @param reportId the report asked about
 * @param agencyCode the agency asked
 * @param agencyName its name as the report recorded it
 * @param question what the coordinator asked
 * @param askedBy who asked
 * @param askedAt when
 * @param answer the agency's answer; {@code null} while unanswered
 * @param answeredBy who answered for the agency
 * @param answeredAt when
 */
public record ReporterQuestion(UUID id, UUID signalId, UUID reportId, String agencyCode, String agencyName,
		String question, String askedBy, Instant askedAt, @Nullable String answer, @Nullable String answeredBy,
		@Nullable Instant answeredAt) {

	/** Whether the agency has answered. */
	public boolean answered() {
		return answer != null;
	}

	/**
	 * A report filed into a signal, as the coordinator chooses one to ask about.
	 *
	 * @param agencyCode the agency that sent it; {@code null} for an anonymous report,
	 * about which no one can be asked
	 * @param agencyName its name
	 */
	public record ReportToAsk(UUID reportId, Instant occurredAt, SourceType sourceType, @Nullable String agencyCode,
			@Nullable String agencyName) {

		/** Whether someone can be asked about it. */
		public boolean askable() {
			return agencyCode != null;
		}

	}

	/** One page of questions, unanswered first, newest first. */
	public record Page(List<ReporterQuestion> questions, int page, int pages, long total) {
	}

}
