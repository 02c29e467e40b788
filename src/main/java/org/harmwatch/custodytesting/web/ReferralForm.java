package org.harmwatch.custodytesting.web;

import java.time.LocalDate;
import java.util.ArrayList;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/** The referral form: which treatment team, and the day. */
record ReferralForm(@NotBlank(message = "{custodytesting.referral.team}") @Nullable String team,
		@NotBlank(message = "{custodytesting.referredOn.required}") @Nullable String referredOn) {

	/**
	 * The day of the referral.
	 * @throws InputRejectedException when it cannot be read
	 */
	LocalDate day() {
		var problems = new ArrayList<FieldProblem>();
		var day = FormValues.date(referredOn, "referredOn", problems);
		if (!problems.isEmpty() || day == null) {
			throw new InputRejectedException(problems);
		}
		return day;
	}

}
