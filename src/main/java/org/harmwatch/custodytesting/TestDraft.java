package org.harmwatch.custodytesting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A test to record: when the sample was taken (or refused), on which device, and the
 * result per substance ({@code null} for a refusal).
 */
public record TestDraft(Instant sampleTakenAt, @Nullable String device, TestOutcome outcome,
		@Nullable SubstanceResult cocaine, @Nullable SubstanceResult opiates) {

}
