package org.harmwatch.hatclinic;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A supervised dose as recorded.
 */
public record Dose(LocalDate on, DoseSlot slot, boolean given, @Nullable Integer doseMg,
		@Nullable Observation observation, @Nullable String adverseEvent, Instant recordedAt, String recordedBy) {
}
