package org.harmwatch.overdose.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/** An incident as stored, before the policy decides what a reader sees of it. */
public record StoredIncident(UUID id, String ownerAgency, Purpose purpose, IncidentSource source,
		@Nullable String sourceReference, Instant occurredAt, @Nullable Double lat, @Nullable Double lon,
		@Nullable String areaCode, @Nullable String areaLevel, @Nullable String ladCode,
		@Nullable String postcodeDistrict, boolean fatal, @Nullable AgeBand ageBand, @Nullable Sex sex,
		List<String> substances, List<String> substanceClasses, @Nullable SubstanceBasis substanceBasis,
		@Nullable IncidentOutcome outcome, @Nullable String personCode, boolean repeatWithinYear,
		RecordedVia recordedVia, String recordedBy, Instant recordedAt, List<NaloxoneAdministration> naloxone) {

	public StoredIncident {
		substances = List.copyOf(substances);
		substanceClasses = List.copyOf(substanceClasses);
		naloxone = List.copyOf(naloxone);
	}

	StoredIncident withNaloxone(List<NaloxoneAdministration> given) {
		return new StoredIncident(id, ownerAgency, purpose, source, sourceReference, occurredAt, lat, lon, areaCode,
				areaLevel, ladCode, postcodeDistrict, fatal, ageBand, sex, substances, substanceClasses, substanceBasis,
				outcome, personCode, repeatWithinYear, recordedVia, recordedBy, recordedAt, given);
	}

}
