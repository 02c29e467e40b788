package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one alert's deliveries: counts by version, channel and state, and the
 * failures with their error.
 */
public record DeliveryLog(UUID alertId, String reference, String headline, List<Count> counts, List<Failure> failures,
		DeliveryTotals measures) {

	/** How many deliveries of one version on one channel are in one state. */
	public record Count(int version, DeliveryChannel channel, DeliveryState state, long count) {
	}

	/**
	 * A delivery that failed (retrying) or is dead, with the last error. Recipients are
	 * shown masked.
	 */
	public record Failure(long id, int version, DeliveryChannel channel, String recipient, DeliveryState state,
			int attempts, @Nullable String error, @Nullable Instant nextAttemptAt) {
	}

	/** Counts by channel (all versions), then state. */
	public Map<DeliveryChannel, Map<DeliveryState, Long>> byChannel() {
		var result = new java.util.EnumMap<DeliveryChannel, Map<DeliveryState, Long>>(DeliveryChannel.class);
		for (var count : counts) {
			result.computeIfAbsent(count.channel(), c -> new java.util.EnumMap<>(DeliveryState.class))
				.merge(count.state(), count.count(), Long::sum);
		}
		return result;
	}

}
