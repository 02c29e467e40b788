package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A drug test with a result was recorded (a refusal is not): the funding ledger counts
 * it.
 *
 * <p>
 * No person and no person code: published once, when it happens; a listener stays
 * idempotent by the id, as an event may be delivered twice after a restart.
 *
 * @param testId the test's id in this module
 * @param districtCode the local authority district of the custody suite
 * @param on the day the sample was taken
 * @param positive whether it was positive for cocaine or opiates
 */
@NamedInterface("events")
public record DrugTestRecorded(UUID testId, String districtCode, LocalDate on, boolean positive) {

}
