package org.harmwatch.agency.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.harmwatch.agency.internal.Role;
import org.jspecify.annotations.Nullable;

/**
 * A role's title, description and grants; its name is given once, when it is created.
 *
 * @param grants ticked grants, as {@link Grants} values
 */
record RoleForm(
		@NotBlank(groups = OnCreate.class, message = "{admin.role.name.required}") @Pattern(groups = OnCreate.class,
				regexp = "[A-Za-z][A-Za-z0-9 _-]{1,63}", message = "{admin.role.name.pattern}") @Nullable String name,
		@NotBlank(message = "{admin.role.title.required}") @Size(max = 100,
				message = "{admin.role.title.size}") @Nullable String title,
		@Size(max = 500, message = "{admin.role.description.size}") @Nullable String description, List<String> grants,
		@Pattern(regexp = "\\d{1,9}", message = "{admin.error.version}") @Nullable String version) {

	RoleForm {
		name = FormErrors.trim(name);
		title = FormErrors.trim(title);
		description = FormErrors.trim(description);
		grants = grants == null ? List.of() : List.copyOf(grants);
		version = FormErrors.trim(version);
	}

	static RoleForm empty() {
		return new RoleForm(null, null, null, List.of(), null);
	}

	static RoleForm of(Role role) {
		return new RoleForm(role.name(), role.title(), role.description(), Grants.values(role.grants()),
				FormErrors.text(role.version()));
	}

	@Nullable Integer versionNumber() {
		return FormErrors.number(version);
	}

}
