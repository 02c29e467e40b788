package org.harmwatch.custodytesting;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A test on arrest as its owner's police staff read it. */
public record TestView(UUID id, boolean retest, Instant sampleTakenAt, @Nullable String device, TestOutcome outcome,
		@Nullable SubstanceResult cocaine, @Nullable SubstanceResult opiates) {

	/** Whether it found cocaine or opiates. */
	public boolean positive() {
		return cocaine == SubstanceResult.POSITIVE || opiates == SubstanceResult.POSITIVE;
	}

}
