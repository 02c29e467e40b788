package org.harmwatch.hatclinic;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A prescription (or titration step) to record: diamorphine, the range of one supervised
 * dose, the route.
 */
public record PrescriptionDraft(Route route, int minMg, int maxMg, LocalDate startsOn, @Nullable String titrationNote) {
}
