package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A report was stored and joined a signal.
 *
 * @param reportId the report
 * @param signalId the signal it joined or opened
 * @param channel how it arrived
 * @param sourceType who or what it came from
 * @param ladCode the local authority district
 * @param substanceCodes the substances it named that resolved
 * @param outcomes what happened
 * @param occurredAt when it happened
 * @param receivedAt when it was received
 */
@NamedInterface("events")
public record ReportReceived(UUID reportId, UUID signalId, Channel channel, SourceType sourceType, String ladCode,
		List<String> substanceCodes, List<Outcome> outcomes, Instant occurredAt, Instant receivedAt) {

}
