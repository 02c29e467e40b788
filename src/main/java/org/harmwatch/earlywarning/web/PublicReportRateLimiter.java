package org.harmwatch.earlywarning.web;

import org.harmwatch.earlywarning.internal.EarlyWarningProperties;
import org.harmwatch.platform.ClientRateLimiter;
import org.harmwatch.platform.RateLimitStore;
import org.springframework.stereotype.Component;

/**
 * The anonymous report form's rate limit per client
 * ({@code harmwatch.early-warning.public-form.*}).
 */
@Component
class PublicReportRateLimiter extends ClientRateLimiter {

	PublicReportRateLimiter(EarlyWarningProperties properties, RateLimitStore store) {
		super("early-warning.public-report", properties.publicForm().capacity(), properties.publicForm().refillEvery(),
				store);
	}

}
