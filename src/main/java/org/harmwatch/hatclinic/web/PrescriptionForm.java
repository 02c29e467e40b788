package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A prescription or titration step as sent.
 */
record PrescriptionForm(
		@NotBlank(message = "{hatclinic.prescription.route.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String route,
		@NotBlank(message = "{hatclinic.prescription.minMg.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String minMg,
		@NotBlank(message = "{hatclinic.prescription.maxMg.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String maxMg,
		@NotBlank(message = "{hatclinic.prescription.startsOn.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String startsOn,
		@Size(max = 2000, message = "{hatclinic.form.size}") @Nullable String titrationNote) {

	PrescriptionForm {
		route = FormValues.trim(route);
		minMg = FormValues.trim(minMg);
		maxMg = FormValues.trim(maxMg);
		startsOn = FormValues.trim(startsOn);
		titrationNote = FormValues.trim(titrationNote);
	}

	static PrescriptionForm empty() {
		return new PrescriptionForm(null, null, null, null, null);
	}

}
