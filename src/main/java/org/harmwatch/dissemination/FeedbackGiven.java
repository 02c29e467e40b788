package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A recipient answered "was this alert useful? did it change what you did?" (once per
 * delivery; the comment stays here).
 *
 * @param deliveryId the delivery
 * @param alertId its alert
 * @param version its issue
 * @param queuedAt when the delivery was queued
 * @param useful said it was useful
 * @param changedPractice said it changed what they did
 * @param givenAt when they answered
 */
@NamedInterface("events")
public record FeedbackGiven(long deliveryId, UUID alertId, int version, Instant queuedAt, boolean useful,
		boolean changedPractice, Instant givenAt) {
}
