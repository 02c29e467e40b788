package org.harmwatch.consumptionrooms.web;

import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsProperties;
import org.harmwatch.platform.ClientRateLimiter;
import org.harmwatch.platform.RateLimitStore;
import org.springframework.stereotype.Component;

/**
 * The public needle report form's rate limit per client
 * ({@code harmwatch.consumption-rooms.public-report-*}).
 */
@Component
class NeedleReportRateLimiter extends ClientRateLimiter {

	NeedleReportRateLimiter(ConsumptionRoomsProperties properties, RateLimitStore store) {
		super("consumption-rooms.needle-report", properties.publicReportCapacity(),
				properties.publicReportRefillEvery(), store);
	}

}
