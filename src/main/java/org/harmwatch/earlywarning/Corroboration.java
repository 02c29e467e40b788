package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What else early warning knows that bears on a signal, for the coordinator to set beside
 * it: other reports of the same substance (or class) in the same and neighbouring
 * districts, drug-checking findings and spikes there, all since {@code since} up to
 * {@code until}. Read-only; no reporter is named.
 *
 * @param signalId the signal
 * @param since the start of the window: the signal's latest evidence less the
 * corroboration window
 * @param until the end of the window: now, or the signal's latest evidence if that is
 * later
 * @param districts the signal's district and its neighbours, by name
 * @param reports other reports, newest first
 * @param drugChecks drug-checking findings in those districts or naming the signal's
 * substance, newest first
 * @param spikes spikes in those districts, newest first
 */
public record Corroboration(UUID signalId, Instant since, Instant until, List<String> districts, List<Report> reports,
		List<Finding> drugChecks, List<Finding> spikes) {

	/**
	 * A report of the same substance or class nearby.
	 *
	 * @param id the report
	 * @param signalId the signal it was filed into
	 * @param occurredAt when it happened
	 * @param ladName where
	 * @param sourceType who reported it
	 * @param substances the substances it names, as resolved or written
	 * @param outcomes what happened
	 * @param people how many people
	 * @param sameDistrict whether it is in the signal's own district
	 */
	public record Report(UUID id, @Nullable UUID signalId, Instant occurredAt, String ladName, SourceType sourceType,
			List<String> substances, List<Outcome> outcomes, int people, boolean sameDistrict) {
	}

	/**
	 * A drug-checking finding or a spike, as filed into a signal.
	 *
	 * @param signalId the signal it is in
	 * @param occurredAt when it happened
	 * @param ladName where
	 * @param summary one line about it
	 * @param sameSignal whether it is evidence in this signal itself
	 */
	public record Finding(UUID signalId, Instant occurredAt, String ladName, String summary, boolean sameSignal) {
	}

}
