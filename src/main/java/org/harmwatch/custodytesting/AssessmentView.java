package org.harmwatch.custodytesting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A required assessment as its owner's police staff read it. */
public record AssessmentView(UUID id, AssessmentKind kind, AssessmentStatus status, LocalDate requiredOn,
		@Nullable Instant appointmentAt, @Nullable LocalDate attendedOn, @Nullable MissedConsequence consequence) {

}
