package org.harmwatch.custodytesting.web;

import java.time.LocalDate;
import java.util.ArrayList;

import jakarta.validation.constraints.Size;
import org.harmwatch.custodytesting.HatReferralDraft;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * The onward referral to heroin-assisted treatment: the clinic, the person's consent and
 * its day, and the day of the referral.
 */
record HatReferralForm(@Size(max = 40, message = "{custodytesting.hat.clinic}") @Nullable String clinic,
		@Size(max = 10, message = "{custodytesting.hat.consent.required}") @Nullable String consent,
		@Nullable String consentOn, @Nullable String referredOn) {

	static HatReferralForm empty(LocalDate today) {
		return new HatReferralForm(null, null, null, today.toString());
	}

	/**
	 * The draft to send.
	 * @throws InputRejectedException when a day cannot be read
	 */
	HatReferralDraft draft() {
		var problems = new ArrayList<FieldProblem>();
		var consentDay = FormValues.date(consentOn, "consentOn", problems);
		var referralDay = FormValues.date(referredOn, "referredOn", problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return new HatReferralDraft(clinic == null || clinic.isBlank() ? null : clinic.strip(), "true".equals(consent),
				consentDay, referralDay);
	}

}
