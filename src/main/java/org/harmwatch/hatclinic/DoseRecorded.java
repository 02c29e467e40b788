package org.harmwatch.hatclinic;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What recording a dose did: its id, and the review it raised, if it raised one.
 */
public record DoseRecorded(UUID doseId, @Nullable UUID reviewRaised) {
}
