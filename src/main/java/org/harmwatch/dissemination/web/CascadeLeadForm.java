package org.harmwatch.dissemination.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** An agency's cascade lead and deputy to name, as sent. */
record CascadeLeadForm(@NotBlank(message = "{dissemination.cascade.error.agency}") @Nullable String agencyCode,
		@NotBlank(message = "{dissemination.cascade.error.lead}") @Nullable String lead, @Nullable String deputy) {

	CascadeLeadForm {
		agencyCode = agencyCode == null ? "" : agencyCode.strip();
		lead = lead == null ? "" : lead.strip();
		deputy = deputy == null ? "" : deputy.strip();
	}

	static CascadeLeadForm empty() {
		return new CascadeLeadForm("", "", "");
	}

}
