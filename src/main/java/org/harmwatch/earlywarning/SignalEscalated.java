package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * New evidence raised the urgency of a signal that was already open (a signal's urgency
 * never falls).
 *
 * @param signalId the signal
 * @param urgency its urgency now
 * @param escalatedAt when the evidence that raised it was received
 */
@NamedInterface("events")
public record SignalEscalated(UUID signalId, Urgency urgency, Instant escalatedAt) {
}
