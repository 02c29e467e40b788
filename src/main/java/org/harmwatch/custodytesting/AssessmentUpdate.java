package org.harmwatch.custodytesting;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a required assessment: an appointment booked ({@code BOOKED} with its
 * time), attended (with the day) or missed (with what followed).
 */
public record AssessmentUpdate(AssessmentStatus status, @Nullable Instant appointmentAt, @Nullable LocalDate attendedOn,
		@Nullable MissedConsequence consequence) {

}
