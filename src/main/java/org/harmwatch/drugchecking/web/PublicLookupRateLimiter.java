package org.harmwatch.drugchecking.web;

import org.harmwatch.drugchecking.internal.DrugCheckingProperties;
import org.harmwatch.drugchecking.internal.SampleCodes;
import org.harmwatch.platform.ClientRateLimiter;
import org.harmwatch.platform.RateLimitStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The public result lookup's rate limits
 * ({@code harmwatch.drug-checking.public-lookup.*}), shared by every instance.
 *
 * <p>
 * Per client address: 10 lookups, then one a minute. A code has 12 characters from 27
 * (27^12 ≈ 1.5 × 10^17), so with N codes issued a guess hits with probability N / 27^12:
 * 1.5 × 10^11 guesses per hit with a million codes, about 29,000 years per address at one
 * a minute. Eight-character codes issued before December 2026 (27^8 ≈ 2.8 × 10^11) also
 * draw on one bucket for all clients together (500, then one every 3 minutes: at most
 * about 1,000 a day), so with 10,000 such codes it takes 2.8 × 10^7 guesses, some 77
 * years, per hit however many addresses guess.
 */
@Component
class PublicLookupRateLimiter extends ClientRateLimiter {

	/** The one client of the legacy-code bucket: every client together. */
	private static final String EVERYONE = "every client";

	private final ClientRateLimiter legacy;

	@Autowired
	PublicLookupRateLimiter(DrugCheckingProperties properties, RateLimitStore store) {
		this("drug-checking.public-lookup", properties, store);
	}

	/**
	 * Limiters whose buckets are called {@code name} (tests use their own, so as not to
	 * drain the real ones).
	 */
	PublicLookupRateLimiter(String name, DrugCheckingProperties properties, RateLimitStore store) {
		super(name, properties.publicLookup().capacity(), properties.publicLookup().refillEvery(), store);
		this.legacy = new ClientRateLimiter(name + ".legacy-codes", properties.publicLookup().legacyCapacity(),
				properties.publicLookup().legacyRefillEvery(), store);
	}

	/**
	 * Takes one lookup of {@code code} from the client's bucket and, for an
	 * eight-character code, from everyone's.
	 */
	boolean tryAcquire(String clientAddress, @Nullable String code) {
		if (!tryAcquire(clientAddress)) {
			return false;
		}
		return code == null || !SampleCodes.isLegacy(code) || legacy.tryAcquire(EVERYONE);
	}

}
