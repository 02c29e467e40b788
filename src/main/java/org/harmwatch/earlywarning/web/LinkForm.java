package org.harmwatch.earlywarning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A signal to link to this one, and why, as sent. */
record LinkForm(@NotBlank(message = "{earlywarning.link.related.required}") @Nullable String related,
		@NotBlank(message = "{earlywarning.link.reason.required}") @Size(max = 500,
				message = "{earlywarning.link.reason.size}") @Nullable String reason) {

	LinkForm {
		related = related == null ? "" : related.strip();
		reason = reason == null ? "" : reason.strip();
	}

	static LinkForm empty() {
		return new LinkForm("", "");
	}

}
