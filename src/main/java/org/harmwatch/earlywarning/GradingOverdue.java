package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A signal's grading deadline passed without a quorum of grades: the out-of-hours lead is
 * to act (published once per signal).
 *
 * @param signalId the signal
 * @param escalateTo the username of the out-of-hours lead
 * @param deadline when grading was due
 * @param gradesSoFar how many members have graded
 * @param quorum how many grades are needed
 */
@NamedInterface("events")
public record GradingOverdue(UUID signalId, String escalateTo, Instant deadline, int gradesSoFar, int quorum) {

}
