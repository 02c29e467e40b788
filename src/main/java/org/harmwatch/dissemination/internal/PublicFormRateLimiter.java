package org.harmwatch.dissemination.internal;

import org.harmwatch.platform.ClientRateLimiter;
import org.harmwatch.platform.RateLimitStore;
import org.springframework.stereotype.Component;

/**
 * The public subscription forms' rate limit per client
 * ({@code harmwatch.dissemination.public-form.*}).
 */
@Component
public class PublicFormRateLimiter extends ClientRateLimiter {

	PublicFormRateLimiter(DisseminationProperties properties, RateLimitStore store) {
		super("dissemination.public-form", properties.publicForm().capacity(), properties.publicForm().refillEvery(),
				store);
	}

}
