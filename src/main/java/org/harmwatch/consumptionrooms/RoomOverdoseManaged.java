package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An overdose was managed in a consumption room: overdose surveillance records it, and
 * through it the naloxone ledger.
 *
 * <p>
 * It carries no person and no client code: the site's district and agency, and what was
 * done. Published once per overdose; listeners stay idempotent by its id, because an
 * event may be delivered twice after a restart.
 *
 * @param overdoseId the overdose's id in this module
 * @param occurredAt when it happened
 * @param ladCode the district (ONS code) of the site
 * @param siteAgencyCode the agency that runs the site
 * @param fatal whether the client died
 * @param oxygen whether oxygen was given
 * @param naloxoneDoses doses of naloxone given by staff, 0 when none
 * @param naloxoneRoute {@code NASAL} or {@code INJECTED} when naloxone was given
 * @param ambulanceCalled whether an ambulance was called
 * @param toHospital whether the client was taken to hospital
 */
@NamedInterface("events")
public record RoomOverdoseManaged(UUID overdoseId, Instant occurredAt, String ladCode, String siteAgencyCode,
		boolean fatal, boolean oxygen, int naloxoneDoses, @Nullable String naloxoneRoute, boolean ambulanceCalled,
		boolean toHospital) {

}
