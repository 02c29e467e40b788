package org.harmwatch.agency.web;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.harmwatch.agency.internal.Staff;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters for a member of staff.
 *
 * <p>
 * The username and an optional first password are given once, when the account is
 * created; after that the password is set on its own page and the account can be
 * disabled. Values are kept as sent (see {@link AgencyForm}).
 */
record StaffForm(
		@NotBlank(groups = OnCreate.class, message = "{admin.staff.username.required}") @Pattern(
				groups = OnCreate.class, regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{1,63}",
				message = "{admin.staff.username.pattern}") @Nullable String username,
		@NotBlank(message = "{admin.staff.displayName.required}") @Size(max = 200,
				message = "{admin.staff.displayName.size}") @Nullable String displayName,
		@NotBlank(message = "{admin.staff.email.required}") @Email(message = "{admin.staff.email.format}") @Size(
				max = 254, message = "{admin.staff.email.size}") @Nullable String email,
		@NotBlank(message = "{admin.staff.agency.required}") @Nullable String agency, List<String> roles,
		@Nullable String initialPassword, @Nullable String enabled,
		@Pattern(regexp = "\\d{1,9}", message = "{admin.error.version}") @Nullable String version) {

	StaffForm {
		username = FormErrors.trim(username);
		displayName = FormErrors.trim(displayName);
		email = FormErrors.trim(email);
		agency = FormErrors.trim(agency);
		roles = roles == null ? List.of() : List.copyOf(roles);
		// A password is taken as typed: spaces may be part of it.
		initialPassword = initialPassword == null || initialPassword.isEmpty() ? null : initialPassword;
		version = FormErrors.trim(version);
	}

	static StaffForm empty() {
		return new StaffForm(null, null, null, null, List.of(), null, "true", null);
	}

	static StaffForm of(Staff member, String agencyCode, List<String> roleNames) {
		return new StaffForm(member.username(), member.displayName(), member.email(), agencyCode, roleNames, null,
				String.valueOf(member.enabled()), FormErrors.text(member.version()));
	}

	public boolean enabledTicked() {
		return FormErrors.ticked(enabled);
	}

	@Nullable Integer versionNumber() {
		return FormErrors.number(version);
	}

}
