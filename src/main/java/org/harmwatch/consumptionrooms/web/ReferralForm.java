package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** A referral made at a visit, as sent. */
record ReferralForm(@NotBlank(message = "{consumptionrooms.referral.kind.required}") @Nullable String kind,
		@NotBlank(message = "{consumptionrooms.referral.madeOn.required}") @Nullable String madeOn) {

	ReferralForm {
		kind = FormValues.trim(kind);
		madeOn = FormValues.trim(madeOn);
	}

	static ReferralForm of(String today) {
		return new ReferralForm(null, today);
	}

}
