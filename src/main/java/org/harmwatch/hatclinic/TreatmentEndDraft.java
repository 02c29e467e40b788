package org.harmwatch.hatclinic;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The end of a client's treatment to record: the day, why, and a note (needed for
 * "other").
 */
public record TreatmentEndDraft(LocalDate on, EndReason reason, @Nullable String note) {
}
