package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A person's treatment started: their first supervised dose was given.
 *
 * <p>
 * No personal data: the enrolment's id, the clinic's district and the day. Published once
 * per enrolment; a listener stays idempotent by the enrolment's id.
 *
 * @param enrolmentId the enrolment's id in this module
 * @param districtCode the local authority district (ONS LAD code) of the clinic
 * @param on the day of the first dose
 */
@NamedInterface("events")
public record HatTreatmentStarted(UUID enrolmentId, String districtCode, LocalDate on) {
}
