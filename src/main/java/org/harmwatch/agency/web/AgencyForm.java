package org.harmwatch.agency.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.agency.internal.Agency;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters for an agency. The code is given once, when the agency is
 * created.
 *
 * <p>
 * Every value is kept as the text that was sent, so that nothing a browser sends can fail
 * to bind: a value that means nothing becomes an error on its field (see
 * {@link #agencyType()}).
 */
record AgencyForm(
		@NotBlank(groups = OnCreate.class, message = "{admin.agency.code.required}") @Pattern(groups = OnCreate.class,
				regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}",
				message = "{admin.agency.code.pattern}") @Nullable String code,
		@NotBlank(message = "{admin.agency.name.required}") @Size(max = 200,
				message = "{admin.agency.name.size}") @Nullable String name,
		@NotBlank(message = "{admin.agency.type.required}") @Nullable String type, @Nullable String active,
		@Pattern(regexp = "\\d{1,9}", message = "{admin.error.version}") @Nullable String version) {

	AgencyForm {
		code = FormErrors.trim(code);
		name = FormErrors.trim(name);
		type = FormErrors.trim(type);
		version = FormErrors.trim(version);
	}

	static AgencyForm empty() {
		return new AgencyForm(null, null, null, "true", null);
	}

	static AgencyForm of(Agency agency) {
		return new AgencyForm(agency.code(), agency.name(), agency.type().name(), String.valueOf(agency.active()),
				FormErrors.text(agency.version()));
	}

	/** The chosen type, or {@code null} if none or one that does not exist was sent. */
	@Nullable AgencyType agencyType() {
		for (var value : AgencyType.values()) {
			if (value.name().equals(type)) {
				return value;
			}
		}
		return null;
	}

	public boolean activeTicked() {
		return FormErrors.ticked(active);
	}

	@Nullable Integer versionNumber() {
		return FormErrors.number(version);
	}

}
