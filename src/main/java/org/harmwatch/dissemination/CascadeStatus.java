package org.harmwatch.dissemination;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery of an alert to an agency's cascade lead or deputy: who, whether it was
 * sent and acknowledged, and whether it was sent on to the deputy (or, for a deputy, to
 * the out-of-hours lead).
 *
 * @param who their name, or {@code null} when no longer active staff
 * @param deputy whether this went to the deputy rather than the lead
 * @param escalatedAt when it was sent on because nobody acknowledged it
 */
public record CascadeStatus(String agencyCode, String agencyName, @Nullable String who, boolean deputy, int version,
		DeliveryState state, @Nullable Instant sentAt, @Nullable Instant acknowledgedAt,
		@Nullable Instant escalatedAt) {
}
