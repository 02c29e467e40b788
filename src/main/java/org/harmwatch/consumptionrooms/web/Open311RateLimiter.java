package org.harmwatch.consumptionrooms.web;

import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsProperties;
import org.harmwatch.platform.ClientRateLimiter;
import org.harmwatch.platform.RateLimitStore;
import org.springframework.stereotype.Component;

/**
 * Open311 {@code POST requests} rate limit per client
 * ({@code harmwatch.consumption-rooms.open311-*}).
 */
@Component
class Open311RateLimiter extends ClientRateLimiter {

	Open311RateLimiter(ConsumptionRoomsProperties properties, RateLimitStore store) {
		super("consumption-rooms.open311", properties.open311Capacity(), properties.open311RefillEvery(), store);
	}

}
