package org.harmwatch.dissemination;

/**
 * Where a delivery is: {@code PENDING → SENDING → SENT}, or {@code FAILED} (retried later
 * with backoff) until {@code DEAD} (given up after the maximum attempts, or the
 * subscriber left before it was sent).
 */
public enum DeliveryState {

	PENDING, SENDING, SENT, FAILED, DEAD

}
