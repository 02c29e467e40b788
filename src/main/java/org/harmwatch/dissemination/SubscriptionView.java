package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A professional or webhook subscription as administrators see it (public subscribers are
 * only counted, never listed). A webhook's secret is never shown.
 */
public record SubscriptionView(UUID id, String kind, DeliveryChannel channel, @Nullable String name,
		@Nullable String address, @Nullable String agencyCode, @Nullable String roleName, List<String> ladCodes,
		List<String> substanceClasses, Instant createdAt) {

}
