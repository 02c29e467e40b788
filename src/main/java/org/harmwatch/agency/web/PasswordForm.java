package org.harmwatch.agency.web;

import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/**
 * A new password for a member of staff, typed twice.
 */
record PasswordForm(@NotEmpty(message = "{admin.password.required}") @Nullable String password,
		@Nullable String confirmation) {

	static PasswordForm empty() {
		return new PasswordForm(null, null);
	}

}
