package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The end of a client's treatment as typed: the day, why, and a note. */
record TreatmentEndForm(
		@NotBlank(message = "{hatclinic.end.endedOn.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String endedOn,
		@NotBlank(message = "{hatclinic.end.reason.required}") @Size(max = 40,
				message = "{hatclinic.form.size}") @Nullable String reason,
		@Size(max = 1000, message = "{hatclinic.end.note.size}") @Nullable String note) {

	TreatmentEndForm {
		endedOn = FormValues.trim(endedOn);
		reason = FormValues.trim(reason);
		note = FormValues.trim(note);
	}

}
