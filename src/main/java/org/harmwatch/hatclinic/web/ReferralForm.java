package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A referral as sent: the client code (never a name), where it came from, the consent and
 * the day.
 */
record ReferralForm(
		@NotBlank(message = "{hatclinic.referral.clientCode.required}") @Size(max = 30,
				message = "{hatclinic.form.size}") @Nullable String clientCode,
		@NotBlank(message = "{hatclinic.referral.source.required}") @Size(max = 40,
				message = "{hatclinic.form.size}") @Nullable String source,
		@NotBlank(message = "{hatclinic.referral.consentOn.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String consentOn,
		@NotBlank(message = "{hatclinic.referral.referredOn.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String referredOn,
		@NotBlank(message = "{hatclinic.referral.consent.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String consent) {

	ReferralForm {
		clientCode = FormValues.trim(clientCode);
		source = FormValues.trim(source);
		consentOn = FormValues.trim(consentOn);
		referredOn = FormValues.trim(referredOn);
		consent = FormValues.trim(consent);
	}

	static ReferralForm empty() {
		return new ReferralForm(null, null, null, null, null);
	}

}
