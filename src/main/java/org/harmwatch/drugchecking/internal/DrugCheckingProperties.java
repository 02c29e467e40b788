package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Drug checking's settings.
 *
 * @param highStrength milligrams per unit above which a substance (by vocabulary code) is
 * flagged {@code HIGH_STRENGTH}; MDMA above 150 mg per pill unless configured otherwise
 * @param publicLookup the public result lookup's rate limit per client
 * @param field field mode's settings
 */
@ConfigurationProperties("harmwatch.drug-checking")
public record DrugCheckingProperties(@Nullable Map<String, BigDecimal> highStrength, @Nullable RateLimit publicLookup,
		@Nullable Field field) {

	/**
	 * Field mode.
	 *
	 * @param codeBlockSize how many sample codes a device reserves at a time while
	 * online, to issue offline (1 to {@value #MAX_CODE_BLOCK}; 25 unless configured)
	 */
	public record Field(@Nullable Integer codeBlockSize) {

		public static final int MAX_CODE_BLOCK = 500;

		public Field {
			codeBlockSize = codeBlockSize == null ? 25 : Math.clamp(codeBlockSize, 1, MAX_CODE_BLOCK);
		}

	}

	/**
	 * A token bucket per client: {@code capacity} lookups at once, one more every
	 * {@code refillEvery}; and one bucket for all clients together for lookups of
	 * eight-character codes (issued before December 2026, 27^8 of them), so that even
	 * many addresses together cannot guess those quickly.
	 */
	public record RateLimit(@Nullable Integer capacity, @Nullable Duration refillEvery,
			@Nullable Integer legacyCapacity, @Nullable Duration legacyRefillEvery) {

		public RateLimit {
			capacity = capacity == null ? 10 : capacity;
			refillEvery = refillEvery == null ? Duration.ofMinutes(1) : refillEvery;
			legacyCapacity = legacyCapacity == null ? 500 : legacyCapacity;
			legacyRefillEvery = legacyRefillEvery == null ? Duration.ofMinutes(3) : legacyRefillEvery;
		}

	}

	public DrugCheckingProperties {
		highStrength = highStrength == null || highStrength.isEmpty() ? Map.of("mdma", new BigDecimal("150"))
				: Map.copyOf(highStrength);
		publicLookup = publicLookup == null ? new RateLimit(null, null, null, null) : publicLookup;
		field = field == null ? new Field(null) : field;
	}

}
