package org.harmwatch.hatclinic;

import java.time.Instant;
import java.util.UUID;

/**
 * An open clinical review raised by missed doses.
 */
public record Review(UUID id, UUID enrolmentId, String clientCode, int missedInRow, Instant raisedAt) {
}
