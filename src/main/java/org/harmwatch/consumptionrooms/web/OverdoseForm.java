package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** An overdose managed in the room, as the visit page's form sends it. */
record OverdoseForm(
		@NotBlank(message = "{consumptionrooms.overdose.occurredTime.required}") @Nullable String occurredTime,
		@Nullable String oxygen, @Nullable String naloxoneDoses, @Nullable String naloxoneRoute,
		@Nullable String ambulanceCalled,
		@NotBlank(message = "{consumptionrooms.overdose.outcome.required}") @Nullable String outcome) {

	OverdoseForm {
		occurredTime = FormValues.trim(occurredTime);
		oxygen = FormValues.trim(oxygen);
		naloxoneDoses = FormValues.trim(naloxoneDoses);
		naloxoneRoute = FormValues.trim(naloxoneRoute);
		ambulanceCalled = FormValues.trim(ambulanceCalled);
		outcome = FormValues.trim(outcome);
	}

	static OverdoseForm of(String now) {
		return new OverdoseForm(now, null, "0", null, null, null);
	}

}
