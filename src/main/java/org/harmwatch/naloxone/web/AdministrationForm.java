package org.harmwatch.naloxone.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** Naloxone given at an overdose, reported straight to the service, as sent. */
record AdministrationForm(@NotBlank(message = "{naloxone.administration.givenOn.required}") @Nullable String givenOn,
		@NotBlank(message = "{naloxone.administration.givenTime.required}") @Nullable String givenTime,
		@NotBlank(message = "{naloxone.administration.givenBy.required}") @Nullable String givenBy,
		@NotBlank(message = "{naloxone.administration.doses.required}") @Nullable String doses,
		@NotBlank(message = "{naloxone.administration.route.required}") @Nullable String route,
		@NotBlank(message = "{naloxone.administration.outcome.required}") @Nullable String outcome,
		@Size(max = 20, message = "{naloxone.holder.ladCode.size}") @Nullable String ladCode) {

	AdministrationForm {
		givenOn = FormValues.trim(givenOn);
		givenTime = FormValues.trim(givenTime);
		givenBy = FormValues.trim(givenBy);
		doses = FormValues.trim(doses);
		route = FormValues.trim(route);
		outcome = FormValues.trim(outcome);
		ladCode = FormValues.trim(ladCode);
	}

	static AdministrationForm of(String today) {
		return new AdministrationForm(today, null, null, "1", null, null, null);
	}

}
