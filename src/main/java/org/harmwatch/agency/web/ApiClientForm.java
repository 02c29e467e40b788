package org.harmwatch.agency.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A partner system to issue a token to: its name, the agency it acts for, and what it may
 * do.
 *
 * @param grants ticked grants, as {@link Grants} values
 */
record ApiClientForm(
		@NotBlank(message = "{admin.apiClient.name.required}") @Size(max = 100,
				message = "{admin.apiClient.name.size}") @Nullable String name,
		@NotBlank(message = "{admin.apiClient.agency.required}") @Nullable String agency,
		@NotEmpty(message = "{admin.apiClient.grants.required}") List<String> grants) {

	ApiClientForm {
		name = FormErrors.trim(name);
		agency = FormErrors.trim(agency);
		grants = grants == null ? List.of() : List.copyOf(grants);
	}

	static ApiClientForm empty() {
		return new ApiClientForm(null, null, List.of());
	}

}
