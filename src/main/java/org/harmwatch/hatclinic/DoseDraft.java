package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A supervised dose to record: given (with the dose and what was seen after it) or
 * missed.
 */
public record DoseDraft(UUID enrolmentId, LocalDate on, DoseSlot slot, boolean given, @Nullable Integer doseMg,
		@Nullable Observation observation, @Nullable String adverseEvent) {
}
