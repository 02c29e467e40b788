package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The treatment team answered that treatment started for a referral from custody.
 *
 * <p>
 * No person and no person code: published once, when it happens; a listener stays
 * idempotent by the id, as an event may be delivered twice after a restart.
 *
 * @param referralId the referral's id in this module
 * @param districtCode the local authority district of the custody suite
 * @param on the day treatment started
 */
@NamedInterface("events")
public record TreatmentStarted(UUID referralId, String districtCode, LocalDate on) {

}
