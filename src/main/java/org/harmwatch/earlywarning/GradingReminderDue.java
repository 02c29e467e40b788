package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Panel members who have not yet graded a signal are due a reminder (published once per
 * member and signal).
 *
 * @param signalId the signal
 * @param usernames the members to remind
 * @param deadline when grading is due
 */
@NamedInterface("events")
public record GradingReminderDue(UUID signalId, List<String> usernames, Instant deadline) {

}
