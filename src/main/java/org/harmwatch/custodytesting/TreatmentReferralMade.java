package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A person was referred from custody to a criminal-justice treatment team.
 *
 * <p>
 * No person and no person code: published once, when it happens; a listener stays
 * idempotent by the id, as an event may be delivered twice after a restart.
 *
 * @param referralId the referral's id in this module
 * @param districtCode the local authority district of the custody suite
 * @param on the day of the referral
 */
@NamedInterface("events")
public record TreatmentReferralMade(UUID referralId, String districtCode, LocalDate on) {

}
