package org.harmwatch.overdose;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An overdose as reported: ODMAP's four required facts (when, roughly where, fatal or
 * not, naloxone given and how), and whatever else the source knows.
 *
 * @param occurredAt when it happened
 * @param lat latitude of the place, if a point is known (with {@code lon})
 * @param lon longitude of the place
 * @param location the area when no point is known: an area code, a district or ward name,
 * or a postcode district such as {@code B12}
 * @param fatal whether the person died
 * @param naloxone naloxone given, in the order given; empty when none
 * @param source who reported it; the reporter's agency's kind when not given
 * @param sourceReference the source's own id; an incident sent again with it is kept once
 * @param ageBand the person's age band
 * @param sex the person's sex
 * @param substances substances suspected or confirmed, as words; resolved through the
 * vocabulary
 * @param substanceBasis whether they were suspected or confirmed
 * @param outcome what happened next
 * @param personCode the source's pseudonymous code for the person, to count repeat
 * overdoses within 12 months
 */
public record IncidentDraft(Instant occurredAt, @Nullable Double lat, @Nullable Double lon, @Nullable String location,
		boolean fatal, List<NaloxoneAdministration> naloxone, @Nullable IncidentSource source,
		@Nullable String sourceReference, @Nullable AgeBand ageBand, @Nullable Sex sex, List<String> substances,
		@Nullable SubstanceBasis substanceBasis, @Nullable IncidentOutcome outcome, @Nullable String personCode) {

	public IncidentDraft {
		naloxone = List.copyOf(naloxone);
		substances = List.copyOf(substances);
	}

	/** Just ODMAP's four required facts. */
	public static IncidentDraft minimal(Instant occurredAt, @Nullable Double lat, @Nullable Double lon,
			@Nullable String location, boolean fatal, List<NaloxoneAdministration> naloxone) {
		return new IncidentDraft(occurredAt, lat, lon, location, fatal, naloxone, null, null, null, null, List.of(),
				null, null, null);
	}

}
