package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A dose as sent from the session screen: given (the dose, what was seen) or missed.
 */
record DoseForm(
		@NotBlank(message = "{hatclinic.dose.enrolmentId.required}") @Size(max = 40,
				message = "{hatclinic.form.size}") @Nullable String enrolmentId,
		@NotBlank(message = "{hatclinic.dose.date.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String date,
		@NotBlank(message = "{hatclinic.dose.slot.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String slot,
		@NotBlank(message = "{hatclinic.dose.status.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String status,
		@Size(max = 10, message = "{hatclinic.form.size}") @Nullable String doseMg,
		@Size(max = 40, message = "{hatclinic.form.size}") @Nullable String observation,
		@Size(max = 1000, message = "{hatclinic.form.size}") @Nullable String adverseEvent) {

	DoseForm {
		enrolmentId = FormValues.trim(enrolmentId);
		date = FormValues.trim(date);
		slot = FormValues.trim(slot);
		status = FormValues.trim(status);
		doseMg = FormValues.trim(doseMg);
		observation = FormValues.trim(observation);
		adverseEvent = FormValues.trim(adverseEvent);
	}

	static DoseForm empty() {
		return new DoseForm(null, null, null, null, null, null, null);
	}

}
