package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The coordinator recorded the expert panel's outcome on a signal: its status is now
 * {@link SignalStatus#GRADED}.
 *
 * @param signalId the signal
 * @param outcome what the panel decided it calls for
 * @param rationale why
 * @param gradedAt when the outcome was recorded
 */
@NamedInterface("events")
public record SignalGraded(UUID signalId, PanelOutcome outcome, String rationale, Instant gradedAt) {

}
