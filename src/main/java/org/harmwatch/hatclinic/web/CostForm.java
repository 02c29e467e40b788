package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A unit cost as sent: the amount in pounds and its source.
 */
record CostForm(
		@NotBlank(message = "{hatclinic.cost.amount.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String amount,
		@NotBlank(message = "{hatclinic.cost.source.required}") @Size(max = 300,
				message = "{hatclinic.form.size}") @Nullable String source) {

	CostForm {
		amount = FormValues.trim(amount);
		source = FormValues.trim(source);
	}

	static CostForm empty() {
		return new CostForm(null, null);
	}

}
