package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A prescription in force from a day until a newer one starts.
 */
public record Prescription(UUID id, Route route, int minMg, int maxMg, LocalDate startsOn,
		@Nullable String titrationNote, String prescriber, String licenceNumber) {
}
