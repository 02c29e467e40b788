package org.harmwatch.earlywarning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An agency's answer to the coordinator's question, as sent. */
record AnswerForm(@NotBlank(message = "{earlywarning.answer.text.required}") @Size(max = 4000,
		message = "{earlywarning.answer.text.size}") @Nullable String answer) {

	AnswerForm {
		answer = answer == null ? "" : answer.strip();
	}

	static AnswerForm empty() {
		return new AnswerForm("");
	}

}
