package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** A council's sweep of a reported place, as sent. */
record SweepForm(@NotBlank(message = "{consumptionrooms.sweep.found.required}") @Nullable String found,
		@Nullable String collected,
		@NotBlank(message = "{consumptionrooms.sweep.sweptOn.required}") @Nullable String sweptOn,
		@NotBlank(message = "{consumptionrooms.sweep.sweptTime.required}") @Nullable String sweptTime,
		@Size(max = 500, message = "{consumptionrooms.sweep.notes.invalid}") @Nullable String notes) {

	SweepForm {
		found = FormValues.trim(found);
		collected = FormValues.trim(collected);
		sweptOn = FormValues.trim(sweptOn);
		sweptTime = FormValues.trim(sweptTime);
		notes = FormValues.trim(notes);
	}

	static SweepForm of(String today, String now) {
		return new SweepForm(null, "0", today, now, null);
	}

}
