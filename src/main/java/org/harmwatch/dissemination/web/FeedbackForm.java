package org.harmwatch.dissemination.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A recipient's answer to "was this alert useful? did it change what you did?". */
record FeedbackForm(
		@NotNull(message = "{dissemination.error.useful}") @Pattern(regexp = "yes|no",
				message = "{dissemination.error.useful}") @Nullable String useful,
		@NotNull(message = "{dissemination.error.changedAction}") @Pattern(regexp = "yes|no",
				message = "{dissemination.error.changedAction}") @Nullable String changedAction,
		@Size(max = 2000, message = "{dissemination.error.comment}") @Nullable String comment) {

	FeedbackForm {
		comment = comment == null ? "" : comment;
	}

	static FeedbackForm empty() {
		return new FeedbackForm(null, null, "");
	}

}
