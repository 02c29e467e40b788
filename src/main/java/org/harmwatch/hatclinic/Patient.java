package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An enrolled client as clinic staff see them: prescriptions (titration), recent doses,
 * outcome profiles, an open review, and when and why treatment ended.
 */
public record Patient(UUID id, UUID referralId, String clientCode, String districtCode, LocalDate enrolledOn,
		@Nullable LocalDate firstDoseOn, List<Prescription> prescriptions, List<Dose> recentDoses,
		List<OutcomeDraft> outcomes, @Nullable Review openReview, @Nullable LocalDate endedOn,
		@Nullable EndReason endReason, @Nullable String endNote) {

	public Patient {
		prescriptions = List.copyOf(prescriptions);
		recentDoses = List.copyOf(recentDoses);
		outcomes = List.copyOf(outcomes);
	}

}
