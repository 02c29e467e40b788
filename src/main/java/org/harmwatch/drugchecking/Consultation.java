package org.harmwatch.drugchecking;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The advice given to the person and what they chose to do. */
public record Consultation(String advice, @Nullable Boolean disposed, @Nullable IntendedChange intendedChange,
		@Nullable String referral, Instant givenAt) {
}
