package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A Home Office licence as sent.
 */
record LicenceForm(
		@NotBlank(message = "{hatclinic.licence.prescriber.required}") @Size(max = 100,
				message = "{hatclinic.form.size}") @Nullable String prescriber,
		@NotBlank(message = "{hatclinic.licence.licenceNumber.required}") @Size(max = 40,
				message = "{hatclinic.form.size}") @Nullable String licenceNumber,
		@NotBlank(message = "{hatclinic.licence.validFrom.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String validFrom,
		@NotBlank(message = "{hatclinic.licence.validTo.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String validTo) {

	LicenceForm {
		prescriber = FormValues.trim(prescriber);
		licenceNumber = FormValues.trim(licenceNumber);
		validFrom = FormValues.trim(validFrom);
		validTo = FormValues.trim(validTo);
	}

	static LicenceForm empty() {
		return new LicenceForm(null, null, null, null);
	}

}
