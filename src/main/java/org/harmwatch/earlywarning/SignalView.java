package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signal: reports and events about one substance (or class) in one area within a
 * window.
 *
 * @param id the signal
 * @param substanceCode its substance, if it has one
 * @param substanceName that substance's name
 * @param substanceClass its class, if known
 * @param category for a signal from a spike, the spike's category (e.g. {@code OVERDOSE})
 * @param ladCode its local authority district
 * @param ladName its name
 * @param status open, validated or dismissed
 * @param urgency how urgent the rules made it
 * @param rules the rules that fired
 * @param openedAt when it was opened
 * @param firstEvidenceAt when its earliest evidence happened
 * @param lastEvidenceAt when its latest evidence happened
 * @param evidenceCount how many pieces of evidence it has
 * @param decidedAt when the coordinator validated or dismissed it
 * @param decidedBy who did
 * @param decisionReason why
 * @param outcome the panel's outcome, once graded
 * @param outcomeRationale the panel's reasons
 * @param gradedAt when the outcome was recorded
 */
public record SignalView(UUID id, @Nullable String substanceCode, @Nullable String substanceName,
		@Nullable String substanceClass, @Nullable String category, String ladCode, String ladName, SignalStatus status,
		Urgency urgency, List<String> rules, Instant openedAt, Instant firstEvidenceAt, Instant lastEvidenceAt,
		int evidenceCount, @Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String decisionReason,
		@Nullable PanelOutcome outcome, @Nullable String outcomeRationale, @Nullable Instant gradedAt) {

	/**
	 * One piece of evidence.
	 *
	 * @param kind report, spike or drug-checking result
	 * @param ref the report's id, the spike's id or the sample's id
	 * @param occurredAt when it happened
	 * @param receivedAt when early warning received it
	 * @param ladCode where
	 * @param substanceCodes the substances it names
	 * @param death whether someone died
	 * @param summary one line about it
	 */
	public record Evidence(EvidenceKind kind, String ref, Instant occurredAt, Instant receivedAt, String ladCode,
			List<String> substanceCodes, boolean death, String summary) {
	}

	/** One page of signals, newest first. */
	public record Page(List<SignalView> signals, int page, int pages, long total) {
	}

}
