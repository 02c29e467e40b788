package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A required assessment (initial or follow-up) was attended.
 *
 * <p>
 * No person and no person code: published once, when it happens; a listener stays
 * idempotent by the id, as an event may be delivered twice after a restart.
 *
 * @param assessmentId the assessment's id in this module
 * @param districtCode the local authority district of the custody suite
 * @param on the day it was attended
 */
@NamedInterface("events")
public record AssessmentAttended(UUID assessmentId, String districtCode, LocalDate on) {

}
