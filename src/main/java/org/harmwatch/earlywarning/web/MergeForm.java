package org.harmwatch.earlywarning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The signal that survives a merge, and why this one is its duplicate, as sent. */
record MergeForm(@NotBlank(message = "{earlywarning.merge.survivor.required}") @Nullable String survivor,
		@NotBlank(message = "{earlywarning.merge.reason.required}") @Size(max = 500,
				message = "{earlywarning.merge.reason.size}") @Nullable String mergeReason) {

	MergeForm {
		survivor = survivor == null ? "" : survivor.strip();
		mergeReason = mergeReason == null ? "" : mergeReason.strip();
	}

	static MergeForm empty() {
		return new MergeForm("", "");
	}

}
