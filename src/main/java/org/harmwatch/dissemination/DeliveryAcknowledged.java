package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A professional acknowledged receiving an alert (published for the first acknowledgement
 * of a delivery only).
 *
 * @param deliveryId the delivery
 * @param alertId its alert
 * @param version its issue
 * @param queuedAt when the delivery was queued
 * @param acknowledgedAt when it was acknowledged
 */
@NamedInterface("events")
public record DeliveryAcknowledged(long deliveryId, UUID alertId, int version, Instant queuedAt,
		Instant acknowledgedAt) {
}
