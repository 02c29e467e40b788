package org.harmwatch.drugchecking.web;

import org.harmwatch.drugchecking.internal.DrugCheckingProperties;
import org.harmwatch.platform.ClientRateLimiter;
import org.springframework.stereotype.Component;

/**
 * The public result lookup's rate limit per client ({@code harmwatch.drug-checking.public-lookup.*}): with about
 * 2^38 codes, far too few tries to guess one.
 */
@Component
class PublicLookupRateLimiter extends ClientRateLimiter {

	PublicLookupRateLimiter(DrugCheckingProperties properties) {
		super(properties.publicLookup().capacity(), properties.publicLookup().refillEvery());
	}

}
