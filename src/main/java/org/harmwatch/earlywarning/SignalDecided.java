package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The coordinator validated or dismissed an open signal.
 *
 * @param signalId the signal
 * @param outcome {@link SignalStatus#VALIDATED} or {@link SignalStatus#DISMISSED}
 * @param decidedAt when it was decided
 */
@NamedInterface("events")
public record SignalDecided(UUID signalId, SignalStatus outcome, Instant decidedAt) {
}
