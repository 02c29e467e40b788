package org.harmwatch.dissemination.internal;

import org.harmwatch.platform.ClientRateLimiter;
import org.springframework.stereotype.Component;

/**
 * The public subscription forms' rate limit per client ({@code harmwatch.dissemination.public-form.*}).
 */
@Component
public class PublicFormRateLimiter extends ClientRateLimiter {

	PublicFormRateLimiter(DisseminationProperties properties) {
		super(properties.publicForm().capacity(), properties.publicForm().refillEvery());
	}

}
