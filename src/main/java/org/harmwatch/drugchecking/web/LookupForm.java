package org.harmwatch.drugchecking.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The code on a sample's label, as the public lookup's form sends it. */
record LookupForm(@NotBlank(message = "{drugchecking.public.enterCode}") @Nullable String code) {

	LookupForm {
		code = code == null ? null : code.strip();
	}

}
