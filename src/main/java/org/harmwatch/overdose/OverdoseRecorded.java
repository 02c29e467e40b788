package org.harmwatch.overdose;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An overdose was recorded: naloxone reissues kits used at it, consumption rooms count
 * it.
 *
 * <p>
 * It carries no person, no person code and no exact point: the district and what
 * happened. Published once per incident; listeners stay idempotent by its id, because an
 * event may be delivered twice after a restart.
 *
 * @param incidentId the incident's id in this module
 * @param occurredAt when the overdose happened
 * @param ladCode the local authority district (ONS code) it happened in, if known
 * @param fatal whether the person died
 * @param reportingAgencyCode the agency that recorded it
 * @param naloxone naloxone given at it, in the order given; empty when none
 */
@NamedInterface("events")
public record OverdoseRecorded(UUID incidentId, Instant occurredAt, @Nullable String ladCode, boolean fatal,
		String reportingAgencyCode, List<NaloxoneAdministration> naloxone) {

	public OverdoseRecorded {
		naloxone = List.copyOf(naloxone);
	}

}
