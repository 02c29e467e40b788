package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The council that answers for a district and its service level, as sent. */
record CouncilForm(
		@NotBlank(message = "{consumptionrooms.council.lad.unknown}") @Size(max = 20,
				message = "{consumptionrooms.council.lad.unknown}") @Nullable String ladCode,
		@NotBlank(message = "{consumptionrooms.council.agency.required}") @Size(max = 100,
				message = "{consumptionrooms.council.agency.unknown}") @Nullable String agencyCode,
		@NotBlank(message = "{consumptionrooms.council.hours.required}") @Nullable String serviceLevelHours) {

	CouncilForm {
		ladCode = FormValues.trim(ladCode);
		agencyCode = FormValues.trim(agencyCode);
		serviceLevelHours = FormValues.trim(serviceLevelHours);
	}

}
