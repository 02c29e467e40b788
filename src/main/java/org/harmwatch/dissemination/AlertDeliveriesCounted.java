package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Deliveries of one issue of an alert were queued, sent, given up or queued again, and
 * were counted afterwards.
 *
 * <p>
 * Published once per fan-out, per run of a sender for each issue it touched, and per
 * retry: not per message, so that sending to 100,000 people does not publish 100,000
 * events. Each count is complete, so a reader keeps the one with the latest
 * {@code countedAt} and a lost or repeated event is corrected by the next.
 *
 * @param alertId the alert
 * @param version its issue
 * @param queuedAt when its deliveries were queued (the first of them)
 * @param deliveries messages to send, one per recipient and channel
 * @param sent accepted by the mail server, SMS provider or partner system
 * @param dead given up after retrying, or their subscriber left
 * @param professionalSent of those sent, to professionals (who are asked to acknowledge)
 * @param countedAt when they were counted (the database's clock)
 */
@NamedInterface("events")
public record AlertDeliveriesCounted(UUID alertId, int version, Instant queuedAt, long deliveries, long sent, long dead,
		long professionalSent, Instant countedAt) {
}
