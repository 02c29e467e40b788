package org.harmwatch.platform;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the milliseconds since 1970, the rest
 * random. Rows keyed by them are inserted at the end of their primary key's index, not at
 * random places in it, which keeps a table of millions of rows fast to fill (a
 * million-row import writes each index page once instead of paging the whole index in and
 * out); they are as unique as random UUIDs and say no more than when the row was created.
 */
public final class TimeOrderedIds {

	private static final SecureRandom SECURE = new SecureRandom();

	private TimeOrderedIds() {
	}

	/**
	 * A new id for the given time (milliseconds since 1970), its 74 random bits from a
	 * secure generator (ids others may see).
	 */
	public static UUID next(long millis) {
		var random = new byte[10];
		SECURE.nextBytes(random);
		long a = ((random[0] & 0xFFL) << 8) | (random[1] & 0xFFL);
		long b = 0;
		for (int i = 2; i < 10; i++) {
			b = (b << 8) | (random[i] & 0xFFL);
		}
		return of(millis, a, b);
	}

	/**
	 * A new id, its random bits from a fast generator: for rows whose id is never shown
	 * or asked for.
	 */
	public static UUID nextInternal(long millis) {
		var random = ThreadLocalRandom.current();
		return of(millis, random.nextLong(), random.nextLong());
	}

	static UUID of(long millis, long randomA, long randomB) {
		long most = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
		long least = Long.MIN_VALUE | (randomB & 0x3FFF_FFFF_FFFF_FFFFL);
		return new UUID(most, least);
	}

}
