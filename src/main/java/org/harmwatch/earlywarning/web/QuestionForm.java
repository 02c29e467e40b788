package org.harmwatch.earlywarning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A question to the agency that sent one of a signal's reports, as sent. */
record QuestionForm(@NotBlank(message = "{earlywarning.question.report.required}") @Nullable String report,
		@NotBlank(message = "{earlywarning.question.text.required}") @Size(max = 2000,
				message = "{earlywarning.question.text.size}") @Nullable String question) {

	QuestionForm {
		report = report == null ? "" : report.strip();
		question = question == null ? "" : question.strip();
	}

	static QuestionForm empty() {
		return new QuestionForm("", "");
	}

}
