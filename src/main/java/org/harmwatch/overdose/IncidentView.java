package org.harmwatch.overdose;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident as one reader may see it. Readers who may not see the person's details (law
 * enforcement always, and anyone reading without a health purpose) get the area and what
 * happened only: {@code detailed} is false and the point, person code, repeat flag, age
 * band and sex are null.
 *
 * @param areaCode the LSOA of the point, or the area reported
 * @param substances the substances' names (the vocabulary's, or the words given)
 * @param substanceClasses the vocabulary's classes of those it knows
 */
public record IncidentView(UUID id, Instant occurredAt, boolean fatal, IncidentSource source, String ownerAgency,
		@Nullable String areaCode, @Nullable String areaName, @Nullable String ladCode, @Nullable String ladName,
		@Nullable String postcodeDistrict, List<String> substances, List<String> substanceClasses,
		@Nullable SubstanceBasis substanceBasis, @Nullable IncidentOutcome outcome,
		List<NaloxoneAdministration> naloxone, RecordedVia recordedVia, boolean detailed, @Nullable Double lat,
		@Nullable Double lon, @Nullable String personCode, @Nullable Boolean repeatWithinYear,
		@Nullable AgeBand ageBand, @Nullable Sex sex) {

	/** Naloxone doses given in all. */
	public int naloxoneDoses() {
		return naloxone.stream().mapToInt(NaloxoneAdministration::doses).sum();
	}

}
